export * from './interfaces';
export * from './fixtureRegisters';
export * from './basemap';
export { readFixture } from './fixtureFiles';
