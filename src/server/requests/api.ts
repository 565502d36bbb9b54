/** What crosses between the request page and the server: JSON only, times as school-zone text. */
import type { Lang } from '../../core/lang';
import type { OpenRepair, RoomAsset, RequestText, Progress } from '../../core/requests';
import type { Reply } from '../sidebar/serve';

/** What one place offers: its assets from the register and its open repairs. */
export interface RoomData {
  readonly room: string;
  readonly assets: readonly RoomAsset[];
  readonly open: readonly OpenRepair[];
}

/** Embedded in the page when it is served: all it shows before the visitor types anything. */
export interface RequestPageData {
  readonly view: 'form' | 'status' | 'badLink';
  readonly lang: Lang;
  readonly text: RequestText;
  readonly hours: number;
  readonly rooms: readonly string[];
  /** The place of the QR code, as the register spells it; null when none was given or it is unknown. */
  readonly room: RoomData | null;
  /** The place asked for when the register has no such place. */
  readonly unknownRoom: string;
  /** The asset an asset's QR code names, when that room holds it ('' otherwise). */
  readonly asset: string;
  /** The visitor as Google identifies them, when it does. */
  readonly account: { readonly email: string; readonly name: string } | null;
  readonly progress: Progress | null;
}

/** What a submit answers: the request number, its deadline, its status link; or a refusal. */
export interface Receipt {
  readonly id: string;
  readonly due: string;
  readonly link: string;
  /** The same room and asset were already reported and open: this is that request's receipt. */
  readonly duplicate: boolean;
}

export type RequestResult = Reply<Receipt>;
