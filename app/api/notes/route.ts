import { NextResponse, type NextRequest } from 'next/server';
import { readBodyUpTo, isSameOrigin } from '@/lib/http/read-body';
import { importNotes } from '@/lib/notes/import-notes';
import { unpackUpload } from '@/lib/notes/unpack-upload';
import type { UploadEvent, UploadRefusal } from '@/lib/notes/upload-events';
import { formatBytes, MAX_UPLOAD_BYTES, MB } from '@/lib/notes/upload-limits';
import { currentUser } from '@/lib/session';
import { uploadErrors, uploadSchema } from '@/lib/validations/notes';

/** Room for the multipart boundaries and headers around the files themselves. */
const MULTIPART_SLACK = MB;

const refuse = (status: number, ...errors: string[]) => NextResponse.json<UploadRefusal>({ errors }, { status });

/**
 * POST /api/notes: the "Add notes" page's upload (multipart: `files`, optional `title` + `text`).
 * Everything is checked before a note is parsed (zod: names, kinds, sizes, count; then the bytes:
 * UTF-8, zip entries); a refusal is a 4xx with `{ errors }`. An accepted upload answers 200 with
 * NDJSON progress events and then the outcome (lib/notes/upload-events). A route handler rather
 * than a server action: actions cap bodies at 1 MB and cannot stream progress.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request)) return refuse(403, 'Upload from the Add notes page.');
  const user = await currentUser();
  if (!user) return refuse(401, 'Sign in to add notes.');

  const body = await readBodyUpTo(request, MAX_UPLOAD_BYTES + MULTIPART_SLACK);
  if (!body) return refuse(413, `This upload is larger than the ${formatBytes(MAX_UPLOAD_BYTES)} one upload may hold.`);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return refuse(400, 'The upload is not a form with files.');
  }
  const parsed = uploadSchema.safeParse({
    files: form.getAll('files'),
    title: form.get('title') ?? undefined,
    text: form.get('text') ?? undefined,
  });
  if (!parsed.success) return refuse(400, ...uploadErrors(parsed.error));

  const files = await Promise.all(parsed.data.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const unpacked = unpackUpload(files, parsed.data.pasted);
  if (!unpacked.ok) return refuse(400, ...unpacked.errors);

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (event: UploadEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      importNotes(user.id, unpacked.notes, unpacked.folders, new Date(), emit)
        .catch((error: unknown) => {
          console.error('notes upload failed', error);
          emit({ type: 'failed', errors: ['Something went wrong while adding the notes. Upload them again: notes already saved are found unchanged.'] });
        })
        .finally(() => controller.close());
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      // no-transform: compression would hold the events back until the end.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
