import { messages } from '../../core/i18n';
import { typedRecords, type TypedRecord } from '../../core/table';
import {
  assetLabels,
  LABELS_DATA_ID,
  roomLabels,
  type Label,
  roomAssets,
  roomsOf,
  type RequestText,
} from '../../core/requests';
import { pageWithData } from '../adapters/ui';
import type { MenuAction } from '../runners';
import { webAppUrl } from './token';

type Labelling = (assets: readonly TypedRecord[], url: string, t: RequestText['labels']) => Label[];

/**
 * A printable dialog of QR labels, made afresh from the register each time (so it follows the rooms
 * and assets as they change); nothing is printed while the request page has no address.
 */
const printing = (labelling: Labelling): MenuAction => ({
  title: (lang) => messages(lang).requests.labels.title,
  lock: false,
  run: (workbook) => {
    const lang = workbook.settings().settings.language;
    const t = messages(lang).requests.labels;
    const url = webAppUrl();
    if (!url) return { lang, text: t.noUrl };
    const labels = labelling(typedRecords(workbook.table('assets') ?? undefined, workbook.timeZone), url, t);
    if (!labels.length) return { lang, text: t.none };
    const html = pageWithData('Labels', LABELS_DATA_ID, { lang, text: t, labels })
      .setWidth(880)
      .setHeight(640);
    SpreadsheetApp.getUi().showModalDialog(html, t.title);
  },
});

/** 打印教室报修二维码: a label per place named in the register. */
export const printLabels = printing((assets, url, t) => roomLabels(roomsOf(assets), url, t));

/** 打印资产报修二维码: a label per asset in use, its code opening the form with that asset chosen. */
export const printAssetLabels = printing((assets, url) => assetLabels(roomAssets(assets), url));
