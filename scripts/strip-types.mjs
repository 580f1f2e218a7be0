// Loaded with `node --import` when the portal runs from node_modules (installed as a package):
// Node refuses to strip TypeScript types below node_modules (ERR_UNSUPPORTED_NODE_MODULES_
// TYPE_STRIPPING), so this hook strips the types of the package's own .ts files itself, with
// Node's own stripper. Only files of this package are touched; the sources use erasable
// syntax only (tsconfig erasableSyntaxOnly), so stripping is the whole transform.
import { readFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';

const packageRoot = new URL('../', import.meta.url).href;

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith(packageRoot) || !/\.m?ts$/.test(new URL(url).pathname)) return nextLoad(url, context);
    const source = readFileSync(fileURLToPath(url), 'utf8');
    return { format: 'module', source: stripTypeScriptTypes(source, { mode: 'strip', sourceUrl: url }), shortCircuit: true };
  },
});
