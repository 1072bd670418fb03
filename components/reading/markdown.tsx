import { renderMarkdown } from '@/lib/render/markdown';

/** Rendered note markdown; the HTML is sanitised by renderMarkdown before it reaches the page. */
export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  return <div className={`note-prose ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
