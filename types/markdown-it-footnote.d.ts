// @types/markdown-it-footnote is written against @types/markdown-it 13; this is its one export
// typed against the markdown-it 14 types the project uses.
declare module 'markdown-it-footnote' {
  import type { PluginSimple } from 'markdown-it';

  const footnote: PluginSimple;
  export default footnote;
}
