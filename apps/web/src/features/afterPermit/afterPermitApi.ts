import { uploadFile, type AttachmentInfo } from '../../api/client';
import { GET, POST, apiUrl } from '../../api/http';
import type { paths } from '../../api/schema';

const theCase = (id: string) => ({ params: { path: { id } } });

type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
const me = '/api/me/cases/{id}/after-permit' as const;
const off = '/api/officer/cases/{id}/after-permit' as const;

/** The after-permit calls (issue #21), both faces, typed by the generated paths. */
export const afterPermitApi = {
  mine: (id: string) => GET(me, theCase(id)),
  book: (id: string, body: Body<`${typeof me}/consultation/booking`>) =>
    POST(`${me}/consultation/booking`, { ...theCase(id), body }),
  editKontrollplan: (id: string, body: Body<`${typeof me}/kontrollplan`>) =>
    POST(`${me}/kontrollplan`, { ...theCase(id), body }),
  tick: (id: string, body: Body<`${typeof me}/kontrollplan/ticks`>) =>
    POST(`${me}/kontrollplan/ticks`, { ...theCase(id), body }),
  nameKontrollansvarig: (id: string, body: Body<`${typeof me}/kontrollansvarig`>) =>
    POST(`${me}/kontrollansvarig`, { ...theCase(id), body }),
  workStarted: (id: string, body: Body<`${typeof me}/work-started`>) =>
    POST(`${me}/work-started`, { ...theCase(id), body }),
  requestSlutbesked: (id: string, body: Body<`${typeof me}/slutbesked-request`>) =>
    POST(`${me}/slutbesked-request`, { ...theCase(id), body }),
  /** A photo or document for a tick: the same upload as every other (type checked by content, 25 MB). */
  upload: (id: string, file: File): Promise<AttachmentInfo> =>
    uploadFile(apiUrl('post', `${me}/files`, { path: { id } }), file),

  officer: (id: string) => GET(off, theCase(id)),
  waive: (id: string, body: Body<`${typeof off}/consultation/waiver`>) =>
    POST(`${off}/consultation/waiver`, { ...theCase(id), body }),
  publishSlots: (id: string, body: Body<`${typeof off}/consultation/slots`>) =>
    POST(`${off}/consultation/slots`, { ...theCase(id), body }),
  minutes: (id: string, body: Body<`${typeof off}/consultation/minutes`>) =>
    POST(`${off}/consultation/minutes`, { ...theCase(id), body }),
  startbesked: (id: string, body: Body<`${typeof off}/startbesked`>) =>
    POST(`${off}/startbesked`, { ...theCase(id), body }),
  bookSiteVisit: (id: string, body: Body<`${typeof off}/site-visit-booking`>) =>
    POST(`${off}/site-visit-booking`, { ...theCase(id), body }),
  siteVisit: (id: string, body: Body<`${typeof off}/site-visits`>) =>
    POST(`${off}/site-visits`, { ...theCase(id), body }),
  slutbesked: (id: string, body: Body<`${typeof off}/slutbesked`>) =>
    POST(`${off}/slutbesked`, { ...theCase(id), body }),
};

const ka = '/api/ka/cases/{id}/after-permit' as const;
/** The kontrollansvarig's calls: their cases, a case's view, ticks and their files (nothing else is theirs). */
export const kaApi = {
  cases: () => GET('/api/ka/cases', {}),
  view: (id: string) => GET(ka, theCase(id)),
  tick: (id: string, body: Body<`${typeof ka}/kontrollplan/ticks`>) =>
    POST(`${ka}/kontrollplan/ticks`, { ...theCase(id), body }),
  upload: (id: string, file: File): Promise<AttachmentInfo> =>
    uploadFile(apiUrl('post', `${ka}/files`, { path: { id } }), file),
};
/** Who ticks: the byggherre (Mina ärenden) or the kontrollansvarig. */
export type TickApi = Pick<typeof kaApi, 'tick' | 'upload'>;
