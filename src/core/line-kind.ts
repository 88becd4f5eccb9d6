// What a line of a note is: a first look at its first character (most lines are plain text, so no regex
// runs on them), then the shapes the note scanner tells apart: fences, message headers, rules, footer
// lines and frontmatter keys.
import type { FooterKind, FormatOptions } from "./note-record";

/** What a line may be, from its first character (see NoteLines.kind). */
export const TEXT = 0;
export const FENCE = 1;
export const STAR = 2;
export const DASH = 3;
export const ANY = 4;

export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
export const FRONTMATTER_OPEN = /^---([A-Za-z]*)\s*$/;
export const YAML_KEY = /^([A-Za-z_][\w-]*):(?:\s|$)/;
export const YAML_LINE = /^(?:[A-Za-z_][\w-]*:(?:\s|$)|\s*-(?:\s|$)|\s+\S|\s*#|\s*$)/;

interface FooterReader {
	pattern: RegExp;
	/** The kind of each label text met so far, as footerKind gives it. */
	kinds: Map<string, FooterKind>;
}

const footerReaders = new WeakMap<FormatOptions, FooterReader>();
/** The last format asked for: a vault parses every note with the same one. */
let lastFormat: FormatOptions | null = null;
let lastReader: FooterReader | null = null;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function footerReader(format: FormatOptions): FooterReader {
	if (format === lastFormat && lastReader !== null) return lastReader;
	let reader = footerReaders.get(format);
	if (!reader) {
		const labels = [format.precedingLabel, format.followingLabel, format.seeAlsoLabel].map((l) => escapeRegExp(l.trim()).replace(/\s+/g, "\\s+"));
		reader = { pattern: new RegExp(`^\\s*(${labels.join("|")})\\s*:\\s*(?=.*\\[\\[)`, "i"), kinds: new Map() };
		footerReaders.set(format, reader);
	}
	lastFormat = format;
	lastReader = reader;
	return reader;
}

/** `preceding: [[x]]`, `following: [[x]]`, `see also: [[x]]` in any case, possibly glued to `---`. */
export function footerPattern(format: FormatOptions): RegExp {
	return footerReader(format).pattern;
}

function labelKind(label: string, format: FormatOptions): FooterKind {
	const norm = label.toLowerCase().replace(/\s+/g, " ");
	if (norm === format.precedingLabel.toLowerCase()) return "preceding";
	if (norm === format.followingLabel.toLowerCase()) return "following";
	return "seeAlso";
}

/** Which footer list a matched label fills; remembered per label text (a vault writes a handful of them). */
export function footerKind(label: string, format: FormatOptions): FooterKind {
	const kinds = footerReader(format).kinds;
	let kind = kinds.get(label);
	if (kind === undefined) {
		kind = labelKind(label, format);
		if (kinds.size < 256) kinds.set(label, kind);
	}
	return kind;
}

export function messageRole(line: string): "user" | "assistant" | null {
	const text = line.trim();
	if (text === "**USER**") return "user";
	if (text === "**ASSISTANT**") return "assistant";
	return null;
}

export const isBlank = (line: string | undefined): boolean => line !== undefined && line.trim() === "";
export const isRule = (line: string | undefined): boolean => line !== undefined && line.trimEnd() === "---";
