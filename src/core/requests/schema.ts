/**
 * The request form's one schema: the page checks what the visitor types with it, and the server
 * checks what it receives with the very same function, so a crafted call meets the same limits.
 * Messages come from the `requests` text passed in: the page carries only that part of the catalogue.
 */
import * as z from 'zod/mini';
import type { Catalog } from '../i18n';
import { fill } from '../i18n';
import type { Checked } from '../sidebar/check';

export type RequestText = Catalog['requests'];

/** The id of the script element that carries the request page's data. */
export const REQUEST_DATA_ID = 'houqin-request';

export const URGENCIES = ['hazard', 'teaching', 'later'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Characters per field; the sheet's own columns are longer, so a request always fits its row. */
export const LIMITS = {
  room: 100,
  assetId: 40,
  description: 300,
  name: 20,
  group: 30,
  contact: 60,
  nonce: 40,
  trap: 200,
} as const;

export type RequestField = keyof typeof LIMITS | 'urgency';

export interface RequestInput {
  readonly room: string;
  /** '' when the visitor chose "something else". */
  readonly assetId: string;
  readonly description: string;
  readonly urgency: Urgency;
  readonly name: string;
  readonly group: string;
  readonly contact: string;
  /** Made by the page once per form: a second press of Submit sends the same one. */
  readonly nonce: string;
  /** The spam trap: a field people never see, so only a robot fills it. */
  readonly trap: string;
}

const PHONE = /^\+?[\d\s-]{5,20}$/;
const EMAIL = /^[^\s@,;<>()"'=+]+@[^\s@,;<>()"']+\.[^\s@,;<>()"']+$/;

/** Control characters never belong in a cell; line breaks do in a description. */
const clean = (value: string, multiline: boolean) =>
  [...value.normalize('NFC')]
    .map((c) => {
      const code = c.charCodeAt(0);
      const control = code < 32 || code === 127;
      return control && !(multiline && c === '\n') ? ' ' : c;
    })
    .join('')
    .trim();

const length = (value: string) => [...value].length;

function text(key: keyof typeof LIMITS, t: RequestText, required: boolean, multiline = false) {
  return z.pipe(
    z.optional(z.unknown()),
    z.transform((input, ctx): string => {
      if (input !== undefined && input !== null && typeof input !== 'string' && typeof input !== 'number') {
        ctx.issues.push({ code: 'custom', input, message: t.refused });
        return '';
      }
      const value = clean(String(input ?? ''), multiline);
      if (required && !value) ctx.issues.push({ code: 'custom', input, message: t.required });
      else if (length(value) > LIMITS[key])
        ctx.issues.push({ code: 'custom', input, message: fill(t.tooLong, { max: LIMITS[key] }) });
      return value;
    }),
  );
}

export function requestSchema(t: RequestText) {
  return z.object({
    room: text('room', t, true),
    assetId: text('assetId', t, false),
    description: text('description', t, true, true),
    urgency: z.pipe(
      z.optional(z.unknown()),
      z.transform((input, ctx): Urgency => {
        if (URGENCIES.includes(input as Urgency)) return input as Urgency;
        ctx.issues.push({ code: 'custom', input, message: t.required });
        return 'later';
      }),
    ),
    name: text('name', t, true),
    group: text('group', t, false),
    contact: z.pipe(
      text('contact', t, false),
      z.transform((value, ctx) => {
        if (value && !PHONE.test(value) && !EMAIL.test(value))
          ctx.issues.push({ code: 'custom', input: value, message: t.badContact });
        return value;
      }),
    ),
    nonce: text('nonce', t, false),
    trap: text('trap', t, false),
  });
}

/** Messages by field ('' for the request as a whole), as the sidebar's forms report them. */
export type CheckedRequest = Checked<RequestInput>;

/** Reads a request as typed (the page) or as received (the server). */
export function checkRequest(input: unknown, t: RequestText): CheckedRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: { '': t.refused } };
  const parsed = requestSchema(t).safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '')] ??= issue.message;
    return { ok: false, errors };
  }
  return { ok: true, values: parsed.data };
}

/** The contact as an e-mail address, when it is one. */
export function contactEmail(contact: string): string {
  return EMAIL.test(contact) ? contact : '';
}

/**
 * Requests per hour before the page refuses: per visitor (a signed-in account), per place, and for
 * the whole school, so a script cannot fill the repairs sheet even without an account.
 */
export const RATE = { visitor: 10, room: 20, school: 200 } as const;
