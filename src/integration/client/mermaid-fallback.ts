// Runs only on builds made without a browser, and only on pages that hold a
// diagram: draws the mermaid sources in the reader's browser instead.
import mermaid from 'mermaid';

const nodes = [...document.querySelectorAll<HTMLElement>('pre.ho-mermaid')];
// The light theme, as at build time: portal.css recolours it for the dark portal, so it follows the theme switch.
mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' });
await mermaid.run({ nodes });
for (const node of nodes) node.closest('.ho-diagram')?.classList.remove('ho-diagram-pending');
