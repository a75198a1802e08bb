// The marp-cli configuration of the portal's deck builds (README, Security): raw HTML in a deck
// passes the portal's allow-list instead of Marp's --html, which lets any markup through.
import { marpHtmlAllowList } from '../lib/markup-policy.ts';

export default {
  html: marpHtmlAllowList(),
};
