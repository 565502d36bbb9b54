// Builds the files Apps Script receives: dist/Code.js, the pages (Sidebar, Request, Labels) and
// dist/appsscript.json.
// `node build.mjs --analyze` also prints what takes the room in Code.js, module by module.
import { analyzeMetafile, build, transform } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import vm from 'node:vm';

const GLOBAL = '__houqin';
const dist = new URL('./dist/', import.meta.url);

async function bundle(entry, options = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'warning',
    ...options,
  });
  if (process.argv.includes('--analyze') && options.globalName)
    console.log(await analyzeMetafile(result.metafile, { verbose: false }));
  return result.outputFiles[0].text;
}

/**
 * Apps Script only sees top-level function declarations, so each export of the entry module gets
 * one. The names come from running the bundle in an empty context, which also proves that loading
 * it touches no Apps Script service (onOpen may run in AuthMode.NONE).
 */
function exportNames(code) {
  const context = vm.createContext({});
  try {
    new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
  } catch (error) {
    throw new Error(`Loading the bundle must not touch any global: ${error.message}`, { cause: error });
  }
  return Object.keys(context[GLOBAL]).sort();
}

function checkClassicScript(code) {
  // A statement, not a key named `import:` of the unminified (HOUQIN_PROFILE) catalogue.
  if (/^\s*(import|export)[\s{*]/m.test(code)) throw new Error('dist/Code.js contains import/export');
  new vm.Script(code, { filename: 'Code.js' }); // throws a SyntaxError if it is not a classic script
}

async function buildCode() {
  // Every execution in Apps Script loads the whole file, so it is minified; names are kept, so a
  // stack trace in the execution log still says which function failed.
  const body = await bundle('src/server/main.ts', {
    globalName: GLOBAL,
    minify: !process.env.HOUQIN_PROFILE,
    keepNames: true,
  });
  const names = exportNames(body);
  if (!names.includes('onOpen')) throw new Error('the entry module must export onOpen');
  const stubs = names.map((n) => `function ${n}(){return ${GLOBAL}.${n}.apply(this,arguments)}`);
  const code = `${body}\n${stubs.join('\n')}\n`;
  checkClassicScript(code);
  await writeFile(new URL('Code.js', dist), code);
  return names;
}

const CATALOG_MARKER = '<!-- serve:catalog -->'; // src/core/sidebar/embed.ts

/**
 * The page's text is embedded by the server when it serves the page, in the Settings language:
 * the page build takes sidebar/catalogs.ts where the i18n module imports both languages.
 */
const pageCatalogs = {
  name: 'page-catalogs',
  setup(build) {
    build.onResolve({ filter: /^\.\/catalogs$/ }, (args) =>
      args.importer.endsWith('src/core/i18n/index.ts')
        ? { path: new URL('./sidebar/catalogs.ts', import.meta.url).pathname }
        : undefined,
    );
  },
};

async function buildSidebar() {
  const [html, css] = await Promise.all([
    readFile('sidebar/index.html', 'utf8'),
    readFile('sidebar/style.css', 'utf8'),
  ]);
  const js = await bundle('sidebar/main.ts', {
    minify: true,
    platform: 'browser',
    target: 'es2019',
    plugins: [pageCatalogs],
  });
  const minCss = (await transform(css, { loader: 'css', minify: true })).code;
  // Function replacers: minified code contains `$&` and friends, which a string replacement expands.
  const page = html
    .replace('<!-- inline:style -->', () => `<style>${minCss.trim()}</style>`)
    .replace(
      '<!-- inline:script -->',
      () => `<script>${js.replace(/<\/script/gi, '<\\/script').trim()}</script>`,
    );
  if (page.includes('<!-- inline:')) throw new Error('sidebar/index.html: an inline marker was not replaced');
  if (page.split(CATALOG_MARKER).length !== 2)
    throw new Error(`sidebar/index.html must hold ${CATALOG_MARKER} once, before the script`);
  await writeFile(new URL('Sidebar.html', dist), page);
}

/**
 * A page of its own, one HTML file like the sidebar: the request page (doGet) and the QR label
 * page, whose text and data the server embeds where `<!-- serve:data -->` stands (embedJson in
 * src/core/html.ts), and the import dialog, whose text comes with its first call. None bundles a
 * catalogue: request/catalogs.ts stands in for both languages.
 */
async function buildPage(folder, file, { data }) {
  const noCatalogs = {
    name: 'no-catalogs',
    setup(build) {
      build.onResolve({ filter: /^\.\/catalogs$/ }, (args) =>
        args.importer.endsWith('src/core/i18n/index.ts')
          ? { path: new URL('./request/catalogs.ts', import.meta.url).pathname }
          : undefined,
      );
    },
  };
  const [html, css, js] = await Promise.all([
    readFile(`${folder}/index.html`, 'utf8'),
    readFile(`${folder}/style.css`, 'utf8').then((c) => transform(c, { loader: 'css', minify: true })),
    bundle(`${folder}/main.ts`, {
      minify: true,
      platform: 'browser',
      target: 'es2019',
      plugins: [noCatalogs],
    }),
  ]);
  const page = html
    .replace('<!-- inline:style -->', () => `<style>${css.code.trim()}</style>`)
    .replace(
      '<!-- inline:script -->',
      () => `<script>${js.replace(/<\/script/gi, '<\\/script').trim()}</script>`,
    );
  if (page.includes('<!-- inline:'))
    throw new Error(`${folder}/index.html: an inline marker was not replaced`);
  if (data && page.split('<!-- serve:data -->').length !== 2)
    throw new Error(`${folder}/index.html must hold <!-- serve:data --> once`);
  await writeFile(new URL(file, dist), page);
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const [names] = await Promise.all([
  buildCode(),
  buildSidebar(),
  buildPage('request', 'Request.html', { data: true }),
  buildPage('labels', 'Labels.html', { data: true }),
  buildPage('sidebar/import', 'Import.html', { data: false }),
  copyFile('appsscript.json', new URL('appsscript.json', dist)),
]);
console.log(
  `built dist/Code.js (${names.length} entry points), dist/Sidebar.html, dist/Import.html, dist/Request.html, dist/Labels.html, dist/appsscript.json`,
);
