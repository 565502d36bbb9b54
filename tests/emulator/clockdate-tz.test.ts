import * as vm from 'node:vm';
import { createEmulator } from '../../emulator';

describe('the vm Date', () => {
  it('exposes Date.prototype methods, so zone-aware date libraries work inside the bundle', () => {
    const emu = createEmulator();
    const ctx = vm.createContext({ ...emu.globals });
    const names = vm.runInContext('Object.getOwnPropertyNames(Date.prototype)', ctx) as string[];
    expect(names).toEqual(expect.arrayContaining(['getHours', 'setHours', 'getTime']));
    expect(vm.runInContext('new Date().getTime()', ctx)).toBe(emu.clock.now().getTime());
  });
});
