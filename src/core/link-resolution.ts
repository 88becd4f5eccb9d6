// Wikilink target -> vault file, like Obsidian, plus the generator's own naming quirks (raw titles,
// underscores, a doubled leading "the"). Maps keyed by normalised names; maintained as files come and go.
import type { LinkRef } from "./indexed-note";
import { NameTable } from "./name-table";
import { isOwnKey, linkForms } from "./link-keys";

const UNSAFE_TITLE_CHARS = /[<>:"/\\|?*[\]]/g;
const MAX_NAME = 200;

/**
 * The generator's file naming (E09+), case kept: the file name of a note titled `title`, without `.md`
 * (unsafe characters deleted, one leading "the " dropped, cut to 200 characters).
 */
export function generatorFileName(title: string): string {
	let name = title.replace(UNSAFE_TITLE_CHARS, "");
	if (/^the /i.test(name)) name = name.slice(4);
	return name.slice(0, MAX_NAME);
}

/** The lookup key of the generator's file name for a title (how a raw-title link finds its file). */
export function sanitizeTitle(title: string): string {
	return generatorFileName(title).toLowerCase().trim();
}

/** The lookup key of a name: lower-cased and trimmed. */
export function nameKey(name: string): string {
	return name.toLowerCase().trim();
}

function endsWithMd(name: string): boolean {
	const n = name.length;
	return n >= 3 && name.charCodeAt(n - 3) === 46 && (name.charCodeAt(n - 2) | 32) === 109 && (name.charCodeAt(n - 1) | 32) === 100;
}

function stripMd(name: string): string {
	return endsWithMd(name) ? name.slice(0, -3) : name;
}

/** Characters that make a target more than a plain name: path, alias, heading, extension. */
const NOT_PLAIN = /[/|#]|\.md\s*$/i;

function fileName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

function folderOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash);
}

/** The defensive cut of a target: no `|alias`, no `#heading`; null when there is nothing to cut. */
function cutTarget(target: string): string | null {
	const bar = target.indexOf("|");
	let cut = bar >= 0 ? target.slice(0, bar) : target;
	const hash = cut.indexOf("#");
	if (hash >= 0) cut = cut.slice(0, hash);
	return cut === target ? null : cut;
}

/**
 * The name keys under which a link target may find its file. Any file a target can resolve to has one
 * of these among its `fileKeys`, so they index the inverse map (name key -> linking notes).
 */
export function lookupKeys(target: string): string[] {
	if (isOwnKey(target)) return [target];
	if (!NOT_PLAIN.test(target)) {
		const key = nameKey(target);
		const sanitized = sanitizeTitle(target.trim());
		if (key === "") return sanitized === "" ? [] : [sanitized];
		return sanitized === key || sanitized === "" ? [key] : [key, sanitized];
	}
	const keys: string[] = [];
	const add = (k: string): void => {
		if (k !== "" && !keys.includes(k)) keys.push(k);
	};
	const trimmed = target.trim();
	const forms = [trimmed];
	const cut = cutTarget(trimmed);
	if (cut !== null && cut.trim() !== "") forms.push(cut.trim());
	for (const form of forms) {
		const last = fileName(form);
		add(nameKey(form));
		add(nameKey(stripMd(last)));
		add(nameKey(last));
		add(sanitizeTitle(form));
	}
	return keys;
}

/** The name keys of a note file: its name without `.md`, and that name with `_` read as a space. */
export function fileKeys(path: string): string[] {
	return nameKeys(stripMd(fileName(path)));
}

/** `fileKeys` from the file's name without `.md` (`basenameOf(path)`). */
function nameKeys(name: string): string[] {
	const key = nameKey(name);
	if (!name.includes("_")) return [key];
	const spaced = nameKey(name.replace(/_/g, " "));
	return spaced === key ? [key] : [key, spaced];
}

/** The name key of an attachment (its file name with extension). */
export function attachmentKey(path: string): string {
	return nameKey(fileName(path));
}

/** What the resolver needs to know about the linking note to break ties between same-named files. */
export interface LinkContext {
	path: string;
	conversationIds: readonly string[];
}

/** Conversation ids of a registered note (for tie-breaks); the resolver does not store records. */
export type ConversationLookup = (path: string) => readonly string[];

const NONE: readonly string[] = Object.freeze([]);

export class LinkResolver {
	// A path is found through its file name's table (no map of every lower-cased path: ~100 bytes a note).
	/** Exact name (lower-cased) -> note paths. */
	private readonly names = new NameTable();
	/** Name with `_` read as a space -> note paths (E00–E02 file names). */
	private readonly spacedNames = new NameTable();
	/** File name with extension (lower-cased) -> attachment paths. */
	private readonly attachments = new NameTable();

	constructor(private readonly conversationsOf: ConversationLookup = () => []) {}

	has(path: string): boolean {
		const [key] = fileKeys(path);
		return (key !== undefined && (this.names.get(key)?.includes(path) ?? false)) || (this.attachments.get(attachmentKey(path))?.includes(path) ?? false);
	}

	/** The notes and attachments whose lower-cased path is `lower`. */
	private byLowerPath(lower: string): readonly string[] {
		const name = fileName(lower);
		const found: string[] = [];
		for (const p of this.attachments.get(nameKey(name)) ?? NONE) if (p.toLowerCase() === lower) found.push(p);
		for (const p of this.names.get(nameKey(stripMd(name))) ?? NONE) if (p.toLowerCase() === lower) found.push(p);
		return found;
	}

	/**
	 * Registers a note. Its `basename` (`basenameOf(path)`), when the caller keeps it anyway, gives the keys:
	 * a lower-case name is its own key, the same string, where one cut from the path again would be a second.
	 */
	// Indexed reads, not destructuring (which walks an iterator): a note file comes in every first-scan step.
	addNote(path: string, basename: string = stripMd(fileName(path))): void {
		const keys = nameKeys(basename);
		this.names.add(keys[0] as string, path);
		if (keys.length > 1) this.spacedNames.add(keys[1] as string, path);
	}

	removeNote(path: string): void {
		const keys = fileKeys(path);
		this.names.remove(keys[0] as string, path);
		if (keys.length > 1) this.spacedNames.remove(keys[1] as string, path);
	}

	hasAttachment(path: string): boolean {
		return this.attachments.get(attachmentKey(path))?.includes(path) ?? false;
	}

	/** Registers an attachment; false when it was already there. */
	addAttachment(path: string): boolean {
		if (this.hasAttachment(path)) return false;
		this.attachments.add(attachmentKey(path), path);
		return true;
	}

	/** False when it was not there. */
	removeAttachment(path: string): boolean {
		if (!this.hasAttachment(path)) return false;
		this.attachments.remove(attachmentKey(path), path);
		return true;
	}

	clear(): void {
		this.names.clear();
		this.spacedNames.clear();
		this.attachments.clear();
	}

	/**
	 * The file `target` resolves to from the linking note, or null. An empty target is the note itself.
	 * `memo` (target -> candidate files) may be shared by lookups made while no file comes or goes.
	 */
	resolve(target: string, from: LinkContext, memo?: Map<string, readonly string[]>): string | null {
		let found = memo?.get(target);
		if (found === undefined) {
			found = this.candidates(target);
			memo?.set(target, found);
		}
		if (found.length === 0 && target.trim() === "") return this.has(from.path) ? from.path : null;
		return this.pick(found, from);
	}

	/**
	 * Where a parsed link leads; a title holding `#` or `^` is tried whole when its cut form fails.
	 * `memo` is for a batch of lookups made while no file comes or goes.
	 */
	resolveLink(link: LinkRef, from: LinkContext, memo?: Map<string, readonly string[]>): string | null {
		const found = this.resolve(link.target, from, memo);
		if (found !== null || (link.heading === null && link.block === null)) return found;
		return this.resolve(linkForms(link)[1] as string, from, memo);
	}

	/** The files a target may mean, before tie-breaks; empty when it resolves to nothing. */
	candidates(target: string): readonly string[] {
		const trimmed = target.trim();
		if (trimmed === "") return NONE;
		const found = this.candidatesOf(trimmed);
		if (found.length > 0) return found;
		const cut = cutTarget(trimmed);
		return cut === null || cut.trim() === "" ? NONE : this.candidatesOf(cut.trim());
	}

	private candidatesOf(target: string): readonly string[] {
		if (target.includes("/")) return this.pathCandidates(target);
		const key = nameKey(target);
		const attachment = this.attachments.get(key);
		if (attachment !== undefined) return attachment;
		const bare = endsWithMd(target) ? nameKey(stripMd(target)) : key;
		const hit = this.names.get(bare) ?? this.spacedNames.get(bare);
		if (hit !== undefined) return hit;
		const sanitized = sanitizeTitle(target);
		return this.names.get(sanitized) ?? this.spacedNames.get(sanitized) ?? NONE;
	}

	/** A vault path (`.md` optional), else a path suffix like Obsidian, else the whole target as a title. */
	private pathCandidates(target: string): readonly string[] {
		const lower = target.toLowerCase().replace(/^\/+/, "");
		const exact = this.byLowerPath(lower);
		if (exact.length > 0) return exact;
		const withMd = this.byLowerPath(`${lower}.md`);
		if (withMd.length > 0) return withMd;
		const last = fileName(lower);
		const candidates = [...(this.attachments.get(nameKey(last)) ?? []), ...(this.names.get(nameKey(stripMd(last))) ?? [])];
		const suffix = candidates.filter((p) => {
			const l = p.toLowerCase();
			return l.endsWith(`/${lower}`) || l.endsWith(`/${lower}.md`);
		});
		if (suffix.length > 0) return suffix;
		// A raw title holding a `/` (the generator deletes it from file names).
		const sanitized = sanitizeTitle(target);
		return this.names.get(sanitized) ?? this.spacedNames.get(sanitized) ?? NONE;
	}

	/** Same conversation, then same folder, then shortest path, then alphabetical. */
	private pick(paths: readonly string[], from: LinkContext): string | null {
		if (paths.length <= 1) return paths[0] ?? null;
		const folder = folderOf(from.path);
		let best: string | null = null;
		let bestRank: [number, number, number] = [0, 0, 0];
		for (const path of paths) {
			const shared = from.conversationIds.length > 0 && this.conversationsOf(path).some((id) => from.conversationIds.includes(id));
			const rank: [number, number, number] = [shared ? 0 : 1, folderOf(path) === folder ? 0 : 1, path.length];
			if (best === null || compareRank(rank, bestRank) < 0 || (compareRank(rank, bestRank) === 0 && path < best)) {
				best = path;
				bestRank = rank;
			}
		}
		return best;
	}
}

function compareRank(a: readonly number[], b: readonly number[]): number {
	for (let i = 0; i < a.length; i++) {
		const d = (a[i] ?? 0) - (b[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}
