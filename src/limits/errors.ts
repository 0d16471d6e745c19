/** Errors of the limits preflight: they live with every other error class, in mock-server/errors/. */
export { MachineLimitError } from '../../mock-server/errors/index.ts';
