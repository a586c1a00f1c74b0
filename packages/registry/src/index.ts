export * from './interfaces';
export * from './fixtureRegisters';
export * from './basemap';
export { readFixture } from './fixtureFiles';
export { createHttpRegisters, type HttpRegistersOptions } from './http/client';
export {
  RegisterAnswerError,
  RegisterUnavailableError,
  type RegisterName,
  type UnavailableReason,
} from './http/errors';
export {
  createRegisterSimulator,
  registerSimulator,
  type CreateRegisterSimulatorOptions,
  type RegisterSimulatorOptions,
} from './simulator/plugin';
export { loadMunicipality } from './municipality';
export { runImport, type ImportOptions, type ImportResult } from './import/run';
export { formatIssue, type ImportIssue } from './import/issues';
