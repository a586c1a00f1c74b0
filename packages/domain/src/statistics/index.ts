export * from './statistics';
export * from './boverket';
export * from './csv';
