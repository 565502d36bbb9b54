import { createEmulator } from '../../emulator';
import { loadBundle } from '../../emulator/bundle';
import { syntheticWorkbook } from '../../emulator/fixtures';
it('probe', () => {
  const emu = createEmulator();
  const b = loadBundle(emu);
  emu.calls.reset();
  b.call('menuSetUpWorkbook');
  console.log(JSON.stringify(emu.calls.snapshot()), emu.calls.total());
  const emu2 = createEmulator();
  const b2 = loadBundle(emu2);
  syntheticWorkbook(emu2, 1000);
  emu2.calls.reset();
  b2.call('menuSetUpWorkbook');
  console.log(JSON.stringify(emu2.calls.snapshot()), emu2.calls.total());
  emu2.calls.reset();
  b2.call('menuSetUpWorkbook');
  console.log(JSON.stringify(emu2.calls.snapshot()), emu2.calls.total());
});
