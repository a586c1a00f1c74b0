export * from './rp-api';
export * from './errors';
export * from './qr';
export * from './client';
export * from './simulator';
export * from './testAppClient';
