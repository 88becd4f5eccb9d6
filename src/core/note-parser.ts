// Turns a path and a file's text into a NoteRecord. One pass over the lines, with bounded look-ahead,
// so parse time stays linear on any input. See ../../../shared/FORMAT.md for the shapes handled here.
import { readFrontmatter } from "./frontmatter";
import type { FooterKind, FormatOptions, NoteRecord, WikiLink } from "./note-record";
import { DEFAULT_FORMAT } from "./note-record";
import { type FooterReader, footerReader } from "./footer-line";
import { ANY, DASH, EMPTY, FENCE, STAR, TEXT, YAML_KEY, YAML_LINE } from "./line-kind";
import { NoteLines } from "./note-lines";
import { NoteRecordBuilder } from "./note-record-builder";
import { LinkScanner } from "./wikilinks";

/** Notes above this size still parse, with a diagnostic: they slow the vault down. */
export const HUGE_NOTE_CHARS = 2_000_000;
/** How far a `---` line may be from the fence that closes it and still count as a frontmatter block. */
const MAX_FRONTMATTER_LOOKAHEAD = 500;

const DOCUMENT_KEYS = new Set(["title", "date", "tags"]);

class NoteScanner extends NoteRecordBuilder {
	private readonly linkScanner: LinkScanner;
	private readonly footer: FooterReader;
	private tooDeepReported = false;
	/** The last line footerKind read, and its answer. */
	private footerKindLine = -1;
	private footerKindOf: FooterKind | null = null;

	constructor(path: string, text: string, format: FormatOptions) {
		super(path, new NoteLines(text), format);
		this.linkScanner = new LinkScanner(text);
		this.footer = footerReader(format);
	}

	/**
	 * If a frontmatter block's keys start at line `first` (0-based) and it closes with `---` within the
	 * look-ahead, returns the closing line's index; otherwise -1. Stops at the first line that is not YAML.
	 */
	private frontmatterCloseAfter(first: number): number {
		// Mostly the line after a rule is blank or text: its first character says no, before any slice.
		if (!this.lines.startsLikeKey(first)) return -1;
		const firstLine = this.lines.line(first) as string;
		if (!YAML_KEY.test(firstLine)) return -1;
		let hasDocumentKey = false;
		const last = Math.min(this.lines.count, first + MAX_FRONTMATTER_LOOKAHEAD);
		for (let i = first; i < last; i++) {
			if (this.lines.isRule(i)) return hasDocumentKey ? i : -1;
			const line = this.lines.line(i) as string;
			if (!YAML_LINE.test(line)) return -1;
			const key = YAML_KEY.exec(line)?.[1];
			if (key !== undefined && DOCUMENT_KEYS.has(key)) hasDocumentKey = true;
		}
		return -1;
	}

	/** A document starts at line `fenceIndex`; returns the index of the first body line. */
	private startDocument(fenceIndex: number, language: string, first: number, close: number): number {
		const document = this.readDocument(fenceIndex, language, first, close);
		this.startPart(document.index, fenceIndex + 1);
		let next = close + 1;
		// E06 wrote a second frontmatter block right after the first: metadata, not body.
		let k = next;
		while (this.lines.isBlank(k)) k++;
		if (this.lines.isRule(k)) {
			const secondClose = this.frontmatterCloseAfter(k + 1);
			if (secondClose >= 0) {
				this.diag("second-frontmatter", "info", "A second front matter block follows the first; the first one's title and date are used.", k + 1);
				const extra = readFrontmatter("", this.lines.block(k + 1, secondClose), k + 1);
				this.diagnostics.push(...extra.diagnostics);
				next = secondClose + 1;
			}
		}
		return next;
	}

	/** Adds the links of line `lineIndex` to the record; returns the index of its first one in `links`. */
	private addLinks(lineIndex: number): number {
		const first = this.links.length;
		const start = this.lines.start(lineIndex);
		const end = this.lines.end(lineIndex);
		// Most lines hold no `[[`: answered here, without the call into the link scanner.
		if (this.linkScanner.nextLinkStart(start) >= end) return first;
		const tooDeep = this.linkScanner.scanLine(start, end, lineIndex + 1, 0, this.links);
		if (tooDeep && !this.tooDeepReported) {
			this.tooDeepReported = true;
			this.diag("link-nesting-too-deep", "warning", "Links nested more than 32 deep; the deeper brackets were read as text.", lineIndex + 1);
		}
		return first;
	}

	/**
	 * A footer line: its outer links go to the current part. Returns true when it was one. (A `---` glued
	 * to its end holds no bracket, so neither the label match nor the links depend on it.)
	 */
	private readFooterLine(lineIndex: number): boolean {
		const kind = this.footerKind(lineIndex);
		if (kind === null) return false;
		// The list picked by name, not `part[kind]`: a computed key goes through V8's slow keyed access.
		const part = this.part;
		const list = kind === "preceding" ? part.preceding : kind === "following" ? part.following : part.seeAlso;
		for (let k = this.addLinks(lineIndex); k < this.links.length; k++) {
			const link = this.links[k] as WikiLink;
			if (!link.inner) list.push(link);
		}
		return true;
	}

	/** After a `---` line at `index`: does a footer follow (blank lines, then a footer line or the end)? */
	private footerFollows(index: number): boolean {
		let k = index + 1;
		while (this.lines.isBlank(k)) k++;
		return k >= this.lines.count || this.footerKind(k) !== null;
	}

	/**
	 * The footer kind of line `i`. The line footerFollows looked at is the one the footer's first
	 * readFooterLine reads next: its answer is kept, not worked out again.
	 */
	private footerKind(i: number): FooterKind | null {
		if (i !== this.footerKindLine) {
			this.footerKindLine = i;
			this.footerKindOf = this.footer.kind(this.lines.text, this.lines.start(i), this.lines.end(i));
		}
		return this.footerKindOf;
	}

	/** A line that ends with `---` glued to it, followed by a frontmatter block: an appended document. */
	private gluedDocumentClose(index: number): number {
		return this.lines.endsInGluedRule(index) ? this.frontmatterCloseAfter(index + 1) : -1;
	}

	private beginAppended(index: number, close: number): number {
		this.diag("appended-document", "info", "This file holds another whole document appended by the generator.", index + 1);
		return this.startDocument(index, "", index + 1, close);
	}

	/** The open code block: its marker's character and length, and its 1-based line (fenceLength 0: none). */
	private fenceChar = 0;
	private fenceLength = 0;
	private fenceLine = 0;
	/** Between a footer's `---` and the end of its lines. */
	private inFooter = false;

	/** Reads the front matter, if any; returns the index of the first body line. */
	private scanFrontmatter(): number {
		const lines = this.lines;
		const language = lines.frontmatterOpen();
		if (language === null) {
			this.startBareDocument();
			return 0;
		}
		for (let k = 1; k < lines.count; k++) {
			if (lines.isRule(k) || lines.isDots(k)) return this.startDocument(0, language, 1, k);
		}
		this.diag("frontmatter-unclosed", "error", "The front matter never closes with ---; the file was read as body text.", 1);
		this.startBareDocument();
		return 0;
	}

	/**
	 * The loop over the body's lines. It handles plain text itself and hands every other line to a method:
	 * kept small, V8 inlines the calls a plain line makes (links, glued rule) into it.
	 */
	scan(): NoteRecord {
		const lines = this.lines;
		let i = this.scanFrontmatter();
		while (i < lines.count) {
			const kind = lines.kind(i);
			if (kind === EMPTY) {
				// Nothing to read on it, in a code block, the footer or the body alike.
				i++;
			} else if (this.fenceLength > 0) {
				i = kind === TEXT ? i + 1 : this.codeBlockLine(i);
			} else if (kind === TEXT && !this.inFooter) {
				// Plain text: no fence, header or rule; only links and a glued `---` to look for.
				this.addLinks(i);
				const glued = this.gluedDocumentClose(i);
				i = glued >= 0 ? this.beginAppended(i, glued) : i + 1;
			} else {
				i = this.otherLine(i, kind);
			}
		}
		if (this.fenceLength > 0) this.diag("code-fence-unclosed", "warning", "A code block is never closed.", this.fenceLine);
		this.closeExchange(lines.count - 1);
		this.part.endLine = Math.max(this.part.startLine, lines.count);
		return this.record();
	}

	/** A line in an open code block that may end it (not plain text); returns the next line to read. */
	private codeBlockLine(i: number): number {
		const lines = this.lines;
		const at = lines.fenceAt(i);
		const length = at >= 0 ? lines.runLength(i, at) : 0;
		if (at >= 0 && lines.text.charCodeAt(at) === this.fenceChar && length >= this.fenceLength && lines.trimsTo(i, at, at + length)) {
			this.fenceLength = 0;
		} else if ((lines.isRule(i) && this.footerFollows(i)) || (lines.role(i) !== null && lines.isBlank(i - 1))) {
			// A code block left open by a cut-off answer must not swallow the footer or the next message.
			this.diag("code-fence-unclosed", "warning", "A code block is never closed; it was ended at the next message or footer.", this.fenceLine);
			this.fenceLength = 0;
			return i;
		}
		return i + 1;
	}

	/**
	 * A line outside code blocks that is not plain body text: a fence, a message header, a rule, or any
	 * line of a footer. Returns the next line to read. Read on the note text by hand (NoteLines): no slice.
	 */
	private otherLine(i: number, kind: number): number {
		const lines = this.lines;
		const fenceAt = (kind === FENCE || kind === ANY) && !this.inFooter ? lines.fenceAt(i) : -1;
		if (fenceAt >= 0) {
			this.fenceChar = lines.text.charCodeAt(fenceAt);
			this.fenceLength = lines.runLength(i, fenceAt);
			this.fenceLine = i + 1;
			return i + 1;
		}
		const role = kind === STAR || kind === ANY ? lines.role(i) : null;
		if (role) {
			this.inFooter = false;
			this.closeExchange(i - 1);
			const text = lines.text;
			this.exchange = { role, part: this.part.index, line: i + 1, start: i + 1 < lines.count ? lines.start(i + 1) : text.length, end: text.length };
			this.exchanges.push(this.exchange);
			return i + 1;
		}
		if (kind === DASH && lines.isRule(i)) {
			const close = this.frontmatterCloseAfter(i + 1);
			if (close >= 0) {
				this.inFooter = false;
				return this.beginAppended(i, close);
			}
			if (this.inFooter) {
				// Same-title exchanges merged into one file: the next part starts here.
				this.inFooter = false;
				this.startPart(this.part.document, i + 1);
			} else if (this.footerFollows(i)) {
				this.closeExchange(i - 1);
				this.inFooter = true;
			}
			return i + 1;
		}
		if (this.inFooter) {
			if (lines.isBlank(i)) return i + 1;
			if (this.readFooterLine(i)) {
				const close = this.gluedDocumentClose(i);
				if (close < 0) return i + 1;
				this.inFooter = false;
				return this.beginAppended(i, close);
			}
			this.inFooter = false; // text written under the footer by hand: ordinary body text again
		}
		this.addLinks(i);
		const glued = this.gluedDocumentClose(i);
		return glued >= 0 ? this.beginAppended(i, glued) : i + 1;
	}
}

/** Removes a byte order mark and turns CRLF / CR line ends into LF. Offsets in a record refer to this text. */
export function normalizeText(text: string): string {
	const noBom = text.length > 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	return noBom.includes("\r") ? noBom.replace(/\r\n?/g, "\n") : noBom;
}

export function parseNote(path: string, text: string, format: FormatOptions = DEFAULT_FORMAT): NoteRecord {
	const normalized = normalizeText(text);
	const scanner = new NoteScanner(path, normalized, format);
	const record = scanner.scan();
	if (normalized.includes("\u0000")) {
		record.diagnostics.unshift({ code: "binary-content", severity: "warning", message: "The file holds NUL bytes: it may not be a text note.", line: 0 });
	}
	if (normalized.length > HUGE_NOTE_CHARS) {
		record.diagnostics.unshift({
			code: "note-huge",
			severity: "info",
			message: `The note is ${Math.round(normalized.length / 1_000_000)} MB; very large notes slow the vault down.`,
			line: 0,
		});
	}
	return record;
}
