import type { Dictionary } from '../i18n.ts';

/**
 * What `handover check` and `handover build` say in their own words (the
 * findings have their own tables): in the package's language, or the one
 * `--lang` names. Astro's and Pagefind's log lines stay as those tools write them.
 */
const en = {
  'summary.errors': '{count} error',
  'summary.errorsMany': '{count} errors',
  'summary.warnings': '{count} warning',
  'summary.warningsMany': '{count} warnings',
  'summary.files': '{count} file',
  'summary.filesMany': '{count} files',
  'summary.line': '{errors}, {warnings} in {files}',
  'build.start': 'Building {dir} ({profile} profile) ...',
  'build.refused': 'build refused because the package has errors; {out} was left as it was.',
  'build.failed': 'the site build failed: {cause}',
  'build.untouched': '{out} was left as it was.',
  'build.written': 'Site written to {out}',
  'profile.public': 'public',
  'profile.internal': 'internal',
};

export type CliLabel = keyof typeof en;

const zhCN: Record<CliLabel, string> = {
  'summary.errors': '{count} 个错误',
  'summary.errorsMany': '{count} 个错误',
  'summary.warnings': '{count} 个警告',
  'summary.warningsMany': '{count} 个警告',
  'summary.files': '{count} 个文件',
  'summary.filesMany': '{count} 个文件',
  'summary.line': '共检查 {files}：{errors}，{warnings}',
  'build.start': '正在生成 {dir}（{profile}版本）……',
  'build.refused': '交接包有错误，已拒绝生成；{out} 保持原样。',
  'build.failed': '门户生成失败：{cause}',
  'build.untouched': '{out} 保持原样。',
  'build.written': '门户已写入 {out}',
  'profile.public': '公开',
  'profile.internal': '内部',
};

export const cliLabels: Dictionary<CliLabel> = { en, 'zh-CN': zhCN };
