// Timing, statistics, table printing and temp-vault helpers for the benchmark.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { GeneratedNote } from "./vault-generator";

export function now(): number {
	return performance.now();
}

export function timeIt(fn: () => void): number {
	const t0 = now();
	fn();
	return now() - t0;
}

export function quantile(values: readonly number[], q: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[at] as number;
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function ms(v: number): string {
	if (!Number.isFinite(v)) return "-";
	if (v < 1) return `${v.toFixed(3)} ms`;
	if (v < 100) return `${v.toFixed(2)} ms`;
	return `${Math.round(v)} ms`;
}

export function ratio(a: number, b: number): string {
	return b > 0 ? `${(a / b).toFixed(2)}x` : "-";
}

export function int(v: number): string {
	return Math.round(v).toLocaleString("en-US");
}

/** Prints rows as an aligned table (first row = header). */
export function table(rows: string[][]): string {
	const widths: number[] = [];
	for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
	const line = (row: string[]): string => row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
	const out = [line(rows[0] ?? []), widths.map((w) => "-".repeat(w)).join("  ")];
	for (const row of rows.slice(1)) out.push(line(row));
	return out.join("\n");
}

export function makeTempDir(label: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), `ct-bench-${label}-`));
}

export function writeVault(dir: string, notes: readonly GeneratedNote[]): void {
	const made = new Set<string>();
	for (const note of notes) {
		const abs = path.join(dir, note.path);
		const parent = path.dirname(abs);
		if (!made.has(parent)) {
			fs.mkdirSync(parent, { recursive: true });
			made.add(parent);
		}
		fs.writeFileSync(abs, note.text);
	}
}

export function removeDir(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
}

export function readText(dir: string, rel: string): string {
	return fs.readFileSync(path.join(dir, rel), "utf8");
}

const LINK = /\[\[[^\]\n]*\]\]/g;

/** The floor: read every file and run one regex pass over it. Returns the match count (so nothing is elided). */
export function floorPass(dir: string, paths: readonly string[]): number {
	let count = 0;
	for (const p of paths) {
		const text = readText(dir, p);
		LINK.lastIndex = 0;
		while (LINK.exec(text) !== null) count++;
	}
	return count;
}

export function gc(): void {
	const g = (globalThis as { gc?: () => void }).gc;
	if (g) {
		g();
		g();
	}
}

export function heapUsed(): number {
	gc();
	return process.memoryUsage().heapUsed;
}
