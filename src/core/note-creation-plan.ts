// Decides, before anything is written, what creating notes for unresolved link targets would do:
// which path each would get, which already exist (never overwritten) and which can't be file names.
import { generatorFileName, nameKey, sanitizeTitle } from "./link-resolution";
import type { UnresolvedCount } from "./thread-model";

export type PlanItem =
	| { target: string; count: number; status: "create"; path: string }
	| { target: string; count: number; status: "exists"; path: string }
	/** Another target earlier in the list already lands on this path. */
	| { target: string; count: number; status: "duplicate"; path: string; sameAs: string }
	| { target: string; count: number; status: "invalid"; reason: string };

/** Characters no file name may hold on some platform Obsidian runs on, or that break a link to it. */
const FORBIDDEN: [RegExp, string][] = [
	[/[\\:*?"<>|]/, "file names can't hold it on every device"],
	[/[#^[\]]/, "a link to a file named with it points elsewhere"],
];
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** File types Obsidian opens as attachments: a link to one is not a missing note. */
const ATTACHMENT = /\.(png|jpe?g|gif|bmp|svg|webp|avif|pdf|mp3|wav|m4a|ogg|3gp|flac|webm|mp4|mov|ogv|mkv|canvas|base)$/i;
const MAX_NAME = 200;

/** Why a target can't be a note's file name, or null when it can. */
export function invalidNameReason(target: string): string | null {
	const name = target.slice(target.lastIndexOf("/") + 1);
	if (target.trim() === "" || name.trim() === "") return "The name is empty.";
	for (const [pattern, why] of FORBIDDEN) {
		const found = pattern.exec(target);
		if (found) return `Holds "${found[0]}": ${why}.`;
	}
	const attachment = ATTACHMENT.exec(name);
	if (attachment) return `Points to a ${attachment[1]?.toLowerCase() ?? ""} file, not a note: add the file to the vault instead.`;
	if (name.startsWith(".")) return "Starts with a dot, which hides the file.";
	if (RESERVED.test(name)) return "A name Windows reserves.";
	if (name.length > MAX_NAME) return `Longer than ${MAX_NAME} characters.`;
	if (target.split("/").some((segment) => segment.trim() === "" || segment === "..")) return "Holds an empty or parent folder name.";
	return null;
}

export type NoteName = { name: string } | { reason: string };

/**
 * The name a new note for `target` gets (a vault path when it holds `/`), or why it can't have one. A raw
 * title holding characters a file name can't (`what is 2 * 3?`) gets the file name the generator gives
 * such a title (`what is 2  3`), which the index resolves the link to.
 */
export function noteNameFor(target: string): NoteName {
	const trimmed = target.trim();
	const reason = invalidNameReason(trimmed);
	if (reason === null) return { name: trimmed };
	const name = generatorFileName(trimmed).trim();
	if (name !== trimmed && invalidNameReason(name) === null && nameKey(name) === sanitizeTitle(trimmed)) return { name };
	return { reason };
}

/** Where a note named `name` goes: a name holding `/` is a vault path, as Obsidian reads it; others go into `folder`. */
export function notePathIn(folder: string, name: string): string {
	const clean = folder.replace(/^\/+|\/+$/g, "");
	return `${name.includes("/") || clean === "" ? "" : `${clean}/`}${name}.md`;
}

/**
 * Plans one note per target. `exists` answers case-insensitively whether a path is taken (a file or a
 * folder); two targets that would land on the same path are planned once.
 */
export function planNoteCreation(targets: readonly UnresolvedCount[], folder: string, exists: (path: string) => boolean): PlanItem[] {
	const planned = new Map<string, string>();
	return targets.map(({ target, count }): PlanItem => {
		const named = noteNameFor(target);
		if ("reason" in named) return { target, count, status: "invalid", reason: named.reason };
		const path = notePathIn(folder, named.name);
		const key = path.toLowerCase();
		const sameAs = planned.get(key);
		if (sameAs !== undefined) return { target, count, status: "duplicate", path, sameAs };
		if (exists(path)) return { target, count, status: "exists", path };
		planned.set(key, target);
		return { target, count, status: "create", path };
	});
}
