// The headless scanner: `conversation-threads scan [vault] [--json]`. Argument handling only; the work is in
// scan.ts (disk -> index), scan-report.ts (index -> JSON document) and the renderers.
import * as fs from "node:fs";
import * as path from "node:path";
import { renderReportMarkdown } from "../core/report-markdown";
import type { ThreadIndexReader } from "../core/thread-model";
import { buildVaultReport } from "../core/vault-report";
import { renderHumanSummary } from "./human-summary";
import { scanVault } from "./scan";
import { buildScanReport, type ScanReport } from "./scan-report";
import { checkVaultRoot } from "./vault-reader";

export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	/** Folder relative vault paths are resolved against (default: process.cwd()). */
	cwd?: string;
	/** Vault scanned when none is given (default: the bundled examples/vault). */
	defaultVault?: string;
}

export type OutputMode = "summary" | "json" | "report";

export interface RenderContext {
	/** The vault folder as the user gave it (or the default). */
	vault: string;
	/** The scanned vault's index. */
	index: ThreadIndexReader;
	/** The JSON document (format version 1), built on first use: the Markdown report does not need it. */
	scanReport(): ScanReport;
}

/** One renderer per output mode. */
export type Renderer = (context: RenderContext) => string;

export const RENDERERS: Record<OutputMode, Renderer> = {
	summary: (context) => renderHumanSummary(context.scanReport(), { vault: context.vault }),
	json: (context) => `${JSON.stringify(context.scanReport(), null, 2)}\n`,
	report: (context) => renderReportMarkdown(buildVaultReport(context.index)),
};

export const USAGE = `Usage: conversation-threads scan [vault] [options]

Scans an Obsidian vault of exported AI conversations (chat2obs notes) and prints its threads,
broken chains, unresolved links and diagnostics. Without a vault, scans the bundled example vault.

Options:
  --json      print the scan as JSON (format version 1) on stdout
  --report    print the thread report as Markdown: longest threads, broken chains,
              duplicated titles, multi-document files, diagnostics, unresolved targets
  -h, --help  show this help

Exit codes: 0 done, 2 bad arguments or unreadable vault, 1 unexpected error.
`;

export interface ParsedArgs {
	help: boolean;
	command: string | null;
	vault: string | null;
	mode: OutputMode;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
	const parsed: ParsedArgs = { help: false, command: null, vault: null, mode: "summary" };
	const modes: OutputMode[] = [];
	let positional = 0;
	let onlyPositional = false;
	for (const arg of argv) {
		if (!onlyPositional && arg.startsWith("-") && arg !== "-") {
			if (arg === "--") onlyPositional = true;
			else if (arg === "-h" || arg === "--help") parsed.help = true;
			else if (arg === "--json") modes.push("json");
			else if (arg === "--report") modes.push("report");
			else throw new UsageError(`unknown option: ${arg}`);
			continue;
		}
		positional++;
		if (positional === 1) parsed.command = arg;
		else if (positional === 2) parsed.vault = arg;
		else throw new UsageError(`unexpected argument: ${arg}`);
	}
	if (parsed.help) return parsed;
	if (parsed.command === null) throw new UsageError("missing command (try: scan)");
	if (parsed.command !== "scan") throw new UsageError(`unknown command: ${parsed.command}`);
	const distinct = [...new Set(modes)];
	if (distinct.length > 1) throw new UsageError(`choose one of ${distinct.map((m) => `--${m}`).join(", ")}`);
	parsed.mode = distinct[0] ?? "summary";
	return parsed;
}

/** The bundled example vault: dist/../examples/vault for the built script, also found from src/cli. */
export function bundledVault(): string {
	const here = typeof __dirname === "string" ? __dirname : process.cwd();
	const candidates = [path.resolve(here, "..", "examples", "vault"), path.resolve(here, "..", "..", "examples", "vault")];
	return candidates.find((c) => fs.existsSync(c)) ?? (candidates[0] as string);
}

/** Runs the scanner; returns the exit code. Never calls process.exit, so tests can call it directly. */
export function runCli(argv: readonly string[], io: CliIo): number {
	let args: ParsedArgs;
	try {
		args = parseArgs(argv);
	} catch (err) {
		if (!(err instanceof UsageError)) throw err;
		io.stderr(`conversation-threads: ${err.message}\n${USAGE}`);
		return 2;
	}
	if (args.help) {
		io.stdout(USAGE);
		return 0;
	}
	const renderer = RENDERERS[args.mode];
	const given = args.vault ?? io.defaultVault ?? bundledVault();
	const root = path.resolve(io.cwd ?? process.cwd(), given);
	const problem = checkVaultRoot(root);
	if (problem !== null) {
		io.stderr(`conversation-threads: ${problem}\n`);
		return 2;
	}
	try {
		const scan = scanVault(root);
		for (const p of scan.problems) io.stderr(`warning: ${p.path}: ${p.message}\n`);
		let report: ScanReport | null = null;
		const scanReport = (): ScanReport => (report ??= buildScanReport({ index: scan.index, fileCount: scan.fileCount }));
		io.stdout(renderer({ vault: given, index: scan.index, scanReport }));
		io.stderr(`scanned ${scan.fileCount} files (${scan.index.size} notes) in ${Math.round(scan.elapsedMs)} ms\n`);
		return 0;
	} catch (err) {
		io.stderr(`conversation-threads: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
		return 1;
	}
}

function isEntryPoint(): boolean {
	return typeof require !== "undefined" && typeof module !== "undefined" && require.main === module;
}

if (isEntryPoint()) {
	process.exitCode = runCli(process.argv.slice(2), {
		stdout: (text) => process.stdout.write(text),
		stderr: (text) => process.stderr.write(text),
	});
}
