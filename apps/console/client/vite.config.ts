import { transform } from '@swc/core';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const libs = fileURLToPath(new URL('../../../libs', import.meta.url));
// Not among the package's exports, so named by its file.
const swaggerShim = fileURLToPath(
  new URL('../../../node_modules/@nestjs/swagger/dist/extra/swagger-shim.js', import.meta.url),
);

/**
 * The forms validate with the API's own DTO classes from libs/contracts, whose class-validator
 * decorators are TypeScript's legacy decorators: SWC compiles them the way the server's build
 * does (the same compiler), and JSX with React's automatic runtime.
 */
function swc(): Plugin {
  return {
    name: 'plenary-swc',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/node_modules/')) return null;
      const result = await transform(code, {
        filename: id,
        sourceMaps: true,
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: id.endsWith('.tsx'), decorators: true },
          transform: { legacyDecorator: true, react: { runtime: 'automatic' } },
        },
        swcrc: false,
        configFile: false,
      });
      return { code: result.code, map: result.map };
    },
  };
}

/**
 * A gzipped copy beside every script and style sheet (x.js.gz), made once at build time at the
 * highest level: the console's server sends it to browsers that accept gzip, instead of the
 * file as built (about a third of the bytes) or compressing on every request.
 */
function gzipped(): Plugin {
  const compress = promisify(gzip);
  return {
    name: 'plenary-gzipped-assets',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      await Promise.all(
        Object.values(bundle)
          .filter((file) => /\.(js|css)$/.test(file.fileName))
          .map(async (file) => {
            const source = file.type === 'chunk' ? file.code : file.source;
            const zipped = await compress(source, { level: constants.Z_BEST_COMPRESSION });
            await writeFile(join(dir, `${file.fileName}.gz`), zipped);
          }),
      );
    },
  };
}

export default defineConfig({
  root,
  plugins: [swc(), gzipped()],
  oxc: false,
  resolve: {
    alias: [
      { find: /^@libs\/(.*)$/, replacement: `${libs}/$1` },
      // The DTOs' OpenAPI decorators do nothing in a browser: Nest ships this shim for it.
      { find: /^@nestjs\/swagger$/, replacement: swaggerShim },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/console-client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
    // A page loaded apart (the attendance dashboard) shares modules with the first bundle, which
    // rolldown moves into a common chunk that would run before main.tsx's reflect-metadata, and the
    // contracts' decorators need it: module bodies keep their source order across chunks.
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
  server: {
    proxy: {
      '^/(api|auth|live)': { target: process.env.CONSOLE_SERVER_URL ?? 'http://127.0.0.1:3000' },
    },
  },
});
