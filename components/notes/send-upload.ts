import type { UploadEvent, UploadRefusal } from '@/lib/notes/upload-events';

export interface UploadHandlers {
  /** Bytes of the request sent so far. */
  onUploaded: (sent: number, total: number) => void;
  /** Each event of the response as it arrives (NDJSON). */
  onEvent: (event: UploadEvent) => void;
}

/**
 * POSTs the form to /api/notes. XMLHttpRequest rather than fetch: it reports upload progress,
 * and its responseText grows as the streamed events arrive. Resolves with the refusal's errors
 * for a 4xx, or nothing once the stream has ended.
 */
export function sendUpload(form: FormData, handlers: UploadHandlers): Promise<string[] | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    const drain = () => {
      if (xhr.status !== 200) return;
      const end = xhr.responseText.lastIndexOf('\n') + 1;
      for (const line of xhr.responseText.slice(read, end).split('\n')) {
        if (line.trim() !== '') handlers.onEvent(JSON.parse(line) as UploadEvent);
      }
      read = Math.max(read, end);
    };
    xhr.upload.onprogress = (e) => handlers.onUploaded(e.loaded, e.lengthComputable ? e.total : e.loaded);
    xhr.onprogress = drain;
    xhr.onload = () => {
      if (xhr.status === 200) {
        drain();
        resolve(null);
        return;
      }
      try {
        resolve((JSON.parse(xhr.responseText) as UploadRefusal).errors);
      } catch {
        resolve([`The server refused the upload (HTTP ${xhr.status}).`]);
      }
    };
    xhr.onerror = () => resolve(['The upload did not reach the server; check the connection and try again.']);
    xhr.open('POST', '/api/notes');
    xhr.send(form);
  });
}
