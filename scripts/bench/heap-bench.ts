// Heap retained per note, measured in a fresh Node process for each figure. Measured in the process that
// ran the timing rounds, an index from an earlier round sometimes outlived two forced collections and was
// freed during the measurement, which read as 0 KB (seen at 1,000 and 10,000 notes). A fresh process has
// no earlier index; a small warm-up build compiles the code first, and at small sizes several copies are
// kept at once, so what is left of the noise is divided between more notes.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { NoteRecord } from "../../src/core/note-record";
import { parseNote } from "../../src/core/note-parser";
import { ThreadIndex } from "../../src/core/thread-index";
import { heapUsed, readText } from "./measure";

export interface HeapFigures {
	/** The index after a cold build and a first threads(). */
	index: number;
	/** The same index once the vault-wide unresolved links have been counted. */
	withUnresolved: number;
	/** The parsed records alone, kept in a list (no index). */
	records: number;
}

const PATHS_FILE = ".bench-paths.json";
const CHILD_FLAG = "--heap-child=";

function build(dir: string, paths: readonly string[]): ThreadIndex {
	const index = new ThreadIndex();
	for (const p of paths) index.set(p, readText(dir, p));
	index.threads();
	return index;
}

/** Bytes per note, in the child: what `kind` keeps of `paths`. */
function measure(dir: string, paths: readonly string[], kind: "index" | "records"): number[] {
	// Warm-up on a few notes: the code gets compiled before anything is measured.
	const warm = build(dir, paths.slice(0, 200));
	warm.unresolvedInVault();
	const copies = Math.max(1, Math.round(20_000 / paths.length));
	const notes = copies * paths.length;
	if (kind === "records") {
		const before = heapUsed();
		const kept: NoteRecord[][] = [];
		for (let c = 0; c < copies; c++) kept.push(paths.map((p) => parseNote(p, readText(dir, p))));
		const after = heapUsed();
		return [(after - before) / notes, kept.length];
	}
	const before = heapUsed();
	const indexes: ThreadIndex[] = [];
	for (let c = 0; c < copies; c++) indexes.push(build(dir, paths));
	const built = heapUsed();
	for (const index of indexes) index.unresolvedInVault();
	const counted = heapUsed();
	return [(built - before) / notes, (counted - before) / notes, indexes.length];
}

/** Runs in the child process (see `measureHeap`); returns true when this process is one. */
export function runHeapChild(argv: readonly string[]): boolean {
	const arg = argv.find((a) => a.startsWith(CHILD_FLAG));
	if (arg === undefined) return false;
	const [dir, kind] = arg.slice(CHILD_FLAG.length).split("::") as [string, "index" | "records"];
	const paths = JSON.parse(fs.readFileSync(path.join(dir, PATHS_FILE), "utf8")) as string[];
	process.stdout.write(JSON.stringify(measure(dir, paths, kind)));
	return true;
}

function child(dir: string, kind: "index" | "records"): number[] {
	const script = process.argv[1] as string;
	const run = spawnSync(process.execPath, ["--expose-gc", script, `${CHILD_FLAG}${dir}::${kind}`, "--no-respawn"], { encoding: "utf8", maxBuffer: 1 << 20 });
	if (run.status !== 0) throw new Error(`heap measurement failed: ${run.stderr}`);
	return JSON.parse(run.stdout) as number[];
}

/** Heap per note for the vault in `dir`, each figure from a fresh process. */
export function measureHeap(dir: string, paths: readonly string[]): HeapFigures {
	fs.writeFileSync(path.join(dir, PATHS_FILE), JSON.stringify(paths));
	const [index = NaN, withUnresolved = NaN] = child(dir, "index");
	const [records = NaN] = child(dir, "records");
	return { index, withUnresolved, records };
}
