export * from './validity';
export * from './kontrollplan';
export * from './state';
export * from './phases';
export * from './problems';
export * from './commands';
export * from './texts';
