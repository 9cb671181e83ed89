export { ApiError, type ErrorEnvelope, errorMessage, toApiError } from './api-error.ts';
export { api, csrfHeaders, type Query, request, setCsrfToken } from './client.ts';
export { handleSignedOut, queryClient } from './query-client.ts';
export * from './types.ts';
export { type UploadProgress, uploadFile } from './upload.ts';
