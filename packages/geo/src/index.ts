export * from './types';
export * from './projection';
export * from './area';
export * from './validity';
export * from './within';
export * from './bbox';
