// The record a note scan builds: documents, parts, exchanges, links, tags and diagnostics, and the
// bookkeeping between them (a new part closes the open exchange; the first document's conversation ids).
// note-parser.ts walks the lines and calls these.
import { normalizeDate } from "./dates";
import { readFrontmatter } from "./frontmatter";
import type { Diagnostic, Exchange, FormatOptions, NoteDocument, NotePart, NoteRecord, WikiLink } from "./note-record";
import { basenameOf } from "./note-record";
import type { NoteLines } from "./note-lines";
import { classifyTags, conversationIdsOf, readTags } from "./tags";

const UNLINKABLE_TITLE = /[#^|[\]]/;

/** A frontmatter value as text: YAML may hand back numbers, booleans, dates or even mappings. */
function scalarText(value: unknown): string {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
	if (typeof value === "string") return value;
	if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
	return JSON.stringify(value) ?? "";
}

export class NoteRecordBuilder {
	protected readonly diagnostics: Diagnostic[] = [];
	protected readonly documents: NoteDocument[] = [];
	protected readonly parts: NotePart[] = [];
	protected readonly exchanges: Exchange[] = [];
	protected readonly links: WikiLink[] = [];
	/** Every document's tags, in order (never modified in place: it may be a document's own list). */
	protected tags: string[] = [];
	protected part!: NotePart;
	protected exchange: Exchange | null = null;
	/** The tags of the first document when it has front matter (see record). */
	protected firstDocumentTags: string[] | null = null;

	constructor(
		protected readonly path: string,
		protected readonly lines: NoteLines,
		protected readonly format: FormatOptions,
	) {}

	protected diag(code: Diagnostic["code"], severity: Diagnostic["severity"], message: string, line: number): void {
		this.diagnostics.push({ code, severity, message, line });
	}

	protected startPart(document: number, line: number): void {
		this.closeExchange(line - 1);
		if (this.part) this.part.endLine = Math.max(this.part.startLine, line - 1);
		this.part = { index: this.parts.length, document, startLine: line, endLine: line, preceding: [], following: [], seeAlso: [] };
		this.parts.push(this.part);
	}

	protected closeExchange(lastLineIndex: number): void {
		if (!this.exchange) return;
		const end = lastLineIndex < 0 ? -1 : this.lines.end(lastLineIndex);
		this.exchange.end = Math.max(this.exchange.start, end);
		this.exchange = null;
	}

	/** Reads a frontmatter block whose keys run from `first` to `close` - 1; returns the document. */
	protected readDocument(fenceIndex: number, language: string, first: number, close: number): NoteDocument {
		// The note and the block's bounds, not the block: no slice for the plain YAML reader to read through.
		const from = this.lines.start(first);
		const to = close > first ? this.lines.end(close - 1) : from;
		const { data, diagnostics } = readFrontmatter(language, this.lines.text, fenceIndex + 1, from, to);
		for (const diagnostic of diagnostics) this.diagnostics.push(diagnostic);
		const title = data.title === undefined || data.title === null ? null : scalarText(data.title);
		const date = normalizeDate(data.date);
		if (date.invalid) this.diag("date-invalid", "warning", `The date "${scalarText(data.date)}" could not be read.`, fenceIndex + 1);
		const tagValue = data.tags !== undefined ? data.tags : data.tag;
		const read = readTags(tagValue);
		if (read.invalid) this.diag("tags-invalid", "warning", "Some tags are not plain text and were skipped.", fenceIndex + 1);
		// Most notes have one document: its list serves as the note's, uncopied.
		this.tags = this.tags.length === 0 ? read.tags : this.tags.concat(read.tags);
		const document: NoteDocument = {
			index: this.documents.length,
			line: fenceIndex + 1,
			title,
			date: date.iso,
			// The first document's ids come at the end: when it is the only one, they are the note's.
			conversationIds: this.documents.length === 0 ? [] : conversationIdsOf(read.tags, this.format),
		};
		if (this.documents.length === 0) this.firstDocumentTags = read.tags;
		this.documents.push(document);
		return document;
	}

	/** A file without front matter is one document with no metadata. */
	protected startBareDocument(): void {
		this.documents.push({ index: 0, line: 1, title: null, date: null, conversationIds: [] });
		this.startPart(0, 1);
	}

	protected record(): NoteRecord {
		const classified = classifyTags(this.tags, this.format);
		const first = this.documents[0];
		if (first && this.firstDocumentTags !== null) {
			// One document: its tags are the note's, already classified (a copy: records never share arrays).
			first.conversationIds = this.documents.length === 1 ? classified.conversationIds.slice() : conversationIdsOf(this.firstDocumentTags, this.format);
		}
		const title = first?.title ?? null;
		if (title !== null && UNLINKABLE_TITLE.test(title)) {
			this.diag("title-unlinkable", "info", "The title holds # ^ | [ or ], so a link written with it points elsewhere in Obsidian.", first?.line ?? 1);
		}
		if (this.diagnostics.length > 1) this.diagnostics.sort((a, b) => a.line - b.line);
		return {
			path: this.path,
			basename: basenameOf(this.path),
			title,
			date: first?.date ?? null,
			autogenerated: classified.autogenerated,
			sources: classified.sources,
			conversationIds: classified.conversationIds,
			messageIds: classified.messageIds,
			categories: classified.categories,
			tags: classified.tags,
			documents: this.documents,
			parts: this.parts,
			exchanges: this.exchanges,
			links: this.links,
			diagnostics: this.diagnostics,
		};
	}
}
