import { ApiError, type ErrorEnvelope } from './api-error.ts';
import { csrfHeaders } from './client.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POSTs a file as the raw request body with XMLHttpRequest, because fetch cannot report upload progress.
 * Resolves with the JSON answer; rejects with an ApiError like `request` does (AbortError when aborted).
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  opts: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal; contentType?: string } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', opts.contentType ?? 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => opts.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const e = (body as Partial<ErrorEnvelope> | undefined)?.error;
      reject(
        e?.code
          ? new ApiError(xhr.status, e.code, e.message, e.details, e.requestId)
          : new ApiError(xhr.status, 'unexpected_response', `The upload failed (HTTP ${xhr.status}). Try again.`),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The upload was interrupted. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
