// Walks a vault folder on disk: Markdown notes (decoded as UTF-8), other files as attachments, and every file
// that cannot be read or is not text as a problem. Never throws for a single bad file.
import * as fs from "node:fs";
import * as path from "node:path";
import { isMarkdownPath } from "../core/note-record";
import { compareText } from "../core/compare";

export interface VaultNoteFile {
	/** Vault-relative path with `/`. */
	path: string;
	text: string;
}

export interface VaultReadProblem {
	/** Vault-relative path with `/`. */
	path: string;
	code: "binary-content" | "unreadable";
	message: string;
}

export interface VaultReadResult {
	/** Notes in path order. */
	notes: VaultNoteFile[];
	/** Non-Markdown files, in path order. */
	attachments: string[];
	/** Notes that could not be read or decoded, in path order. */
	problems: VaultReadProblem[];
	/** Every file visited: notes, attachments and problems. */
	fileCount: number;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; code: "binary-content"; message: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Turns a note's bytes into text, or explains why they are not a text note (NUL bytes, invalid UTF-8). */
export function decodeNote(bytes: Uint8Array): DecodeResult {
	const nul = bytes.indexOf(0);
	if (nul >= 0) return { ok: false, code: "binary-content", message: `file holds a NUL byte at offset ${nul}: not a text note` };
	try {
		return { ok: true, text: utf8.decode(bytes) };
	} catch {
		return { ok: false, code: "binary-content", message: "file is not valid UTF-8: not a text note" };
	}
}

/** Obsidian ignores dot-files and dot-folders (.obsidian, .trash, .git). */
export function isHidden(name: string): boolean {
	return name.startsWith(".");
}

function errorText(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

/**
 * Reads the whole vault below `root` (which must be a readable folder; callers check first).
 * Folders are walked in name order so the result is deterministic; symlinked folders are followed once.
 */
export function readVault(root: string): VaultReadResult {
	const result: VaultReadResult = { notes: [], attachments: [], problems: [], fileCount: 0 };
	const seenDirs = new Set<string>();

	const visitFile = (abs: string, rel: string): void => {
		result.fileCount++;
		if (!isMarkdownPath(rel)) {
			result.attachments.push(rel);
			return;
		}
		let bytes: Uint8Array;
		try {
			bytes = fs.readFileSync(abs);
		} catch (err) {
			result.problems.push({ path: rel, code: "unreadable", message: `cannot read file: ${errorText(err)}` });
			return;
		}
		const decoded = decodeNote(bytes);
		if (decoded.ok) result.notes.push({ path: rel, text: decoded.text });
		else result.problems.push({ path: rel, code: decoded.code, message: decoded.message });
	};

	const walk = (absDir: string, relDir: string): void => {
		let real: string;
		try {
			real = fs.realpathSync(absDir);
		} catch {
			real = absDir;
		}
		if (seenDirs.has(real)) return;
		seenDirs.add(real);
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(absDir, { withFileTypes: true });
		} catch (err) {
			if (relDir === "") throw err;
			result.problems.push({ path: relDir, code: "unreadable", message: `cannot read folder: ${errorText(err)}` });
			return;
		}
		entries.sort((a, b) => compareText(a.name, b.name));
		for (const entry of entries) {
			if (isHidden(entry.name)) continue;
			const abs = path.join(absDir, entry.name);
			const rel = relDir === "" ? entry.name : `${relDir}/${entry.name}`;
			let isDir = entry.isDirectory();
			let isFile = entry.isFile();
			if (entry.isSymbolicLink()) {
				try {
					const st = fs.statSync(abs);
					isDir = st.isDirectory();
					isFile = st.isFile();
				} catch (err) {
					if (isMarkdownPath(rel)) {
						result.fileCount++;
						result.problems.push({ path: rel, code: "unreadable", message: `broken link: ${errorText(err)}` });
					}
					continue;
				}
			}
			if (isDir) walk(abs, rel);
			else if (isFile) visitFile(abs, rel);
		}
	};

	walk(root, "");
	const byPath = (a: { path: string }, b: { path: string }): number => compareText(a.path, b.path);
	result.notes.sort(byPath);
	result.problems.sort(byPath);
	result.attachments.sort(compareText);
	return result;
}

/** Why a vault root cannot be scanned, or null when it can. */
export function checkVaultRoot(root: string): string | null {
	let st: fs.Stats;
	try {
		st = fs.statSync(root);
	} catch (err) {
		const code = (err as { code?: string }).code;
		return code === "ENOENT" ? `vault not found: ${root}` : `cannot read vault ${root}: ${errorText(err)}`;
	}
	if (!st.isDirectory()) return `not a folder: ${root}`;
	try {
		fs.readdirSync(root);
	} catch (err) {
		return `cannot read vault ${root}: ${errorText(err)}`;
	}
	return null;
}
