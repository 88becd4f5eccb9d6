// Builds the plugin bundle (main.js), the headless scanner (dist/cli.js) and the benchmarks (dist/bench.js,
// dist/instruction-count.js).
// Usage: node esbuild.config.mjs [production|bench]   (no argument: watch the plugin bundle)
import esbuild from "esbuild";
import { readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";

const mode = process.argv[2] ?? "watch";
const production = mode === "production" || mode === "bench";
const root = path.dirname(new URL(import.meta.url).pathname);

// gray-matter's default engine table evaluates `---js` front matter with eval, and js-yaml's full schema
// builds functions with new Function. The bundles get versions of both files that cannot run note text:
// an engine table with YAML (safeLoad) and JSON only, and a js/function type that never matches.
const SAFE_ENGINES = `'use strict';
const yaml = require('js-yaml');
exports.yaml = { parse: yaml.safeLoad.bind(yaml), stringify: yaml.safeDump.bind(yaml) };
exports.json = { parse: JSON.parse.bind(JSON), stringify: (data) => JSON.stringify(data, null, 2) };
`;
const INERT_JS_FUNCTION = `'use strict';
const Type = require('../../type');
module.exports = new Type('tag:yaml.org,2002:js/function', { kind: 'scalar', resolve: () => false });
`;
const noCodeFromNotes = {
	name: "no-code-from-notes",
	setup(build) {
		build.onLoad({ filter: /gray-matter[\\/]lib[\\/]engines\.js$/ }, (args) => ({
			contents: SAFE_ENGINES,
			loader: "js",
			resolveDir: path.dirname(args.path),
		}));
		// js-yaml's !!binary type probes for Node's Buffer with require("buffer") in a try block; mobile has none.
		build.onLoad({ filter: /js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]binary\.js$/ }, async (args) => {
			const source = await readFile(args.path, "utf8");
			const contents = source.replace("NodeBuffer = _require('buffer').Buffer;", "NodeBuffer = undefined;");
			if (contents === source) throw new Error("js-yaml changed: update the Buffer probe replacement in esbuild.config.mjs");
			return { contents, loader: "js", resolveDir: path.dirname(args.path) };
		});
		build.onLoad({ filter: /js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, (args) => ({
			contents: INERT_JS_FUNCTION,
			loader: "js",
			resolveDir: path.dirname(args.path),
		}));
	},
};

const shared = {
	bundle: true,
	target: "es2021",
	logLevel: "info",
	plugins: [noCodeFromNotes],
	legalComments: "none",
};

const plugin = {
	...shared,
	entryPoints: ["src/main.ts"],
	outfile: "main.js",
	format: "cjs",
	platform: "browser",
	external: [
		"obsidian",
		"electron",
		"@codemirror/*",
		"@lezer/*",
	],
	// gray-matter requires fs only for matter.read(), which we never call; mobile has no fs.
	alias: { fs: "./src/shims/empty.ts" },
	// gray-matter calls Buffer.from on every parse; mobile has no Buffer.
	inject: ["./src/shims/buffer.ts"],
	sourcemap: production ? false : "inline",
	minify: production,
	treeShaking: true,
};

const node = {
	...shared,
	format: "cjs",
	platform: "node",
	target: "node20",
	external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
};

if (mode === "watch") {
	const ctx = await esbuild.context(plugin);
	await ctx.watch();
} else {
	await esbuild.build(plugin);
	await esbuild.build({ ...node, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } });
	if (mode === "bench") {
		await esbuild.build({ ...node, entryPoints: ["scripts/bench/main.ts"], outfile: "dist/bench.js" });
		await esbuild.build({ ...node, entryPoints: ["scripts/bench/instruction-count.ts"], outfile: "dist/instruction-count.js" });
	}
}
