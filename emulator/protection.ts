/** Sheet and range protections: recorded, never enforced. */
import { Base, countCalls, Ctx } from './context';
import type { RangeImpl } from './range';
import type { SheetImpl } from './sheet';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export class ProtectionImpl extends Base {
  _description = '';
  _warningOnly = false;
  _editors: string[] = [];
  _unprotected: RangeImpl[] = [];
  _domainEdit = false;
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetImpl,
    readonly _type: 'RANGE' | 'SHEET',
    readonly _range: RangeImpl,
  ) {
    super(ctx);
    this._editors = [ctx.effectiveUser].filter(Boolean);
  }
  getProtectionType(): string {
    return this._type;
  }
  getRange(): RangeImpl {
    return this._range;
  }
  getDescription(): string {
    return this._description;
  }
  setDescription(d: string): this {
    this._description = String(d);
    return this;
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  setWarningOnly(w: boolean): this {
    this._warningOnly = Boolean(w);
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    return this._editors.map((e) => ({ getEmail: () => e }));
  }
  addEditor(e: string | { getEmail(): string }): this {
    const email = typeof e === 'string' ? e : e.getEmail();
    if (!this._editors.includes(email)) this._editors.push(email);
    return this;
  }
  addEditors(es: string[]): this {
    for (const e of es) this.addEditor(e);
    return this;
  }
  removeEditor(e: string | { getEmail(): string }): this {
    const email = typeof e === 'string' ? e : e.getEmail();
    this._editors = this._editors.filter((x) => x !== email);
    return this;
  }
  removeEditors(es: (string | { getEmail(): string })[]): this {
    for (const e of es) this.removeEditor(e);
    return this;
  }
  canEdit(): boolean {
    return this._warningOnly || this._editors.includes(this._ctx.effectiveUser);
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
  setDomainEdit(b: boolean): this {
    this._domainEdit = Boolean(b);
    return this;
  }
  getUnprotectedRanges(): RangeImpl[] {
    return [...this._unprotected];
  }
  setUnprotectedRanges(rs: RangeImpl[]): this {
    this._unprotected = [...rs];
    return this;
  }
  remove(): void {
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
  }
}

countCalls(ProtectionImpl, 'Protection');
