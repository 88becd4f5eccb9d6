// Node side of the browser test: builds what the page loads and serves it from memory on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { build } from "esbuild";

export const ROOT = path.resolve(__dirname, "../../..");
const HERE = __dirname;

/** Builds main.js the way a release does (`node esbuild.config.mjs production`) and returns it. */
export function buildPlugin(): string {
	execFileSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: ROOT, stdio: "pipe" });
	return readFileSync(path.join(ROOT, "main.js"), "utf8");
}

/** The in-page runtime (Obsidian stand-in + driver) as one classic script. */
export async function buildRuntime(): Promise<string> {
	const result = await build({
		entryPoints: [path.join(HERE, "page.ts")],
		bundle: true,
		format: "iife",
		globalName: "ObsidianPage",
		platform: "browser",
		target: "es2021",
		write: false,
		logLevel: "silent",
	});
	const file = result.outputFiles[0];
	if (!file) throw new Error("esbuild produced no runtime bundle");
	return file.text;
}

/** main.js is CommonJS: run it with a module object and the page's require, and expose its exports. */
export function wrapCommonJs(mainJs: string): string {
	return [
		"(function () {",
		"const module = { exports: {} };",
		"(function (module, exports, require) {",
		mainJs,
		"\n})(module, module.exports, window.require);",
		"window.ConversationThreads = module.exports;",
		"})();",
	].join("\n");
}

/** Markdown files under `dir`, as vault path (prefixed by `into`) -> text. */
export function markdownFiles(dir: string, into = ""): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (abs: string): void => {
		for (const name of readdirSync(abs)) {
			const full = path.join(abs, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith(".md")) files[path.posix.join(into, path.relative(dir, full).split(path.sep).join("/"))] = readFileSync(full, "utf8");
		}
	};
	walk(dir);
	return files;
}

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Conversation Threads in a browser</title>
<link rel="stylesheet" href="/obsidian-theme.css">
<link rel="stylesheet" href="/styles.css">
</head>
<body class="theme-light">
<script src="/page.js"></script>
<script src="/plugin.js"></script>
</body>
</html>
`;

export interface Served {
	url: string;
	close(): Promise<void>;
}

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
};

/** Serves `files` (URL path -> text) on an ephemeral loopback port; anything else is a 404. */
export async function serve(files: Record<string, string>): Promise<Served> {
	const server: Server = createServer((req, res) => {
		const asked = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
		const pathname = asked === "/" ? "/index.html" : asked;
		const body = files[pathname];
		if (body === undefined) {
			res.writeHead(404, { "content-type": "text/plain" }).end("not found");
			return;
		}
		res.writeHead(200, { "content-type": TYPES[path.extname(pathname)] ?? "text/plain", "cache-control": "no-store" }).end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export function readText(file: string): string | null {
	return existsSync(file) ? readFileSync(file, "utf8") : null;
}
