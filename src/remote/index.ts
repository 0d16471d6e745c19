/**
 * Facts about a remote target server, read over its admin routes.
 */
export { adminHeaders, readTargetInfo } from './target-info.ts';
