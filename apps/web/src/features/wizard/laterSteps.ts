// The steps after the details, signing and the receipt: one chunk, fetched when the applicant gets that far
// (from the details step on), not with the first screens an old phone has to load (docs/performance.md).
export { AttachmentsStep } from './AttachmentsStep';
export { ReviewStep } from './ReviewStep';
export { SigningView } from './SigningView';
export { Receipt } from './Receipt';
