// Builds the panel's DOM from the view model with createEl/setText/setIcon only: note text is untrusted.
import { setIcon } from "obsidian";
import type { UnresolvedScope } from "./settings";
import { landingPosition, type EntryModel, type NoteModel, type PanelModel, type ThreadModel, type UnresolvedItem } from "./thread-view-model";

/** Above this many entries a thread shows a window around the current note and a "show all" button. */
export const ENTRY_WINDOW = 200;

export type PanelAction =
	| { kind: "open"; path: string; threadId?: string; position?: number }
	/** `threadId`/`position`: a missing exchange, created with its conversation tag and neighbours. */
	| { kind: "create"; target: string; ask: boolean; threadId?: string; position?: number }
	| { kind: "copy"; text: string }
	| { kind: "tag"; tag: string }
	| { kind: "scope"; scope: UnresolvedScope }
	| { kind: "show-all"; threadId: string };

export function formatDate(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** One render: elements that act get their action in `actions` (the view delegates clicks and hovers). */
export class PanelRenderer {
	constructor(
		private readonly actions: WeakMap<Element, PanelAction>,
		private readonly scope: UnresolvedScope,
		private readonly expanded: ReadonlySet<string>,
	) {}

	render(root: HTMLElement, model: PanelModel, failure?: string): void {
		root.empty();
		switch (model.kind) {
			case "no-note":
				this.empty(root, "file", "No active note", "Open a conversation note to see its thread.");
				return;
			case "empty-vault":
				this.empty(root, "folder-open", "No notes yet", "This vault has no notes to index.");
				return;
			case "building":
				this.empty(
					root,
					"loader",
					"Index is still building",
					`Indexed ${model.done.toLocaleString()} of ${model.total.toLocaleString()} notes.`,
				);
				return;
			case "not-conversation":
				this.empty(root, "file-x", "Not a conversation note", failure ?? "This note has no conversation tags or exchanges.");
				return;
			case "note":
				this.renderNote(root, model);
		}
	}

	private empty(root: HTMLElement, icon: string, title: string, text: string): void {
		const box = root.createDiv({ cls: "conversation-threads-empty" });
		setIcon(box.createDiv({ cls: "conversation-threads-empty-icon" }), icon);
		box.createDiv({ cls: "conversation-threads-empty-title", text: title });
		box.createDiv({ cls: "conversation-threads-muted", text });
	}

	private button(parent: HTMLElement, text: string, action: PanelAction, cls: string, label?: string): HTMLButtonElement {
		const el = parent.createEl("button", { cls: `conversation-threads-button ${cls}`, text });
		if (label !== undefined) el.setAttr("aria-label", label);
		this.actions.set(el, action);
		return el;
	}

	private section(root: HTMLElement, title: string): HTMLElement {
		const section = root.createDiv({ cls: "conversation-threads-section" });
		section.createDiv({ cls: "conversation-threads-section-title", text: title });
		return section;
	}

	private renderNote(root: HTMLElement, model: NoteModel): void {
		const header = root.createDiv({ cls: "conversation-threads-header" });
		header.createDiv({ cls: "conversation-threads-title", text: model.title });
		if (model.date !== null) header.createDiv({ cls: "conversation-threads-date conversation-threads-muted", text: formatDate(model.date) });
		const chips = header.createDiv({ cls: "conversation-threads-chips" });
		for (const source of model.sources) {
			chips.createSpan({ cls: "conversation-threads-chip conversation-threads-chip-source", text: source.label });
		}
		for (const category of model.categories) {
			chips.createSpan({ cls: "conversation-threads-chip conversation-threads-chip-category", text: category });
		}
		for (const thread of model.threads) this.renderThread(root, model, thread);
		this.renderTags(root, model);
		this.renderUnresolved(root, model);
		if (model.seeAlso.length > 0) {
			const list = this.section(root, "See also").createEl("ul", { cls: "conversation-threads-list" });
			for (const link of model.seeAlso) {
				const item = list.createEl("li");
				if (link.path !== null) this.button(item, link.target, { kind: "open", path: link.path }, "conversation-threads-link");
				else this.button(item, link.target, { kind: "create", target: link.target, ask: false }, "conversation-threads-link conversation-threads-is-unresolved");
			}
		}
		if (model.diagnostics.length > 0) {
			const list = this.section(root, "Problems in this note").createEl("ul", { cls: "conversation-threads-list conversation-threads-muted" });
			for (const message of model.diagnostics) list.createEl("li", { text: message });
		}
	}

	private renderThread(root: HTMLElement, model: NoteModel, thread: ThreadModel): void {
		const section = root.createDiv({ cls: "conversation-threads-section conversation-threads-thread" });
		const heading = section.createDiv({ cls: "conversation-threads-section-title" });
		heading.setText(
			thread.position >= 0
				? `Exchange ${(thread.position + 1).toLocaleString()} of ${thread.total.toLocaleString()}`
				: `${thread.total.toLocaleString()} exchanges`,
		);
		const nav = model.navigation;
		if (nav && nav.thread.id === thread.id) {
			const row = section.createDiv({ cls: "conversation-threads-nav" });
			const move = (path: string | null, direction: "prev" | "next"): PanelAction =>
				path === null
					? { kind: "open", path: "" }
					: { kind: "open", path, threadId: thread.id, position: landingPosition(nav.thread, nav.position, path, direction) };
			const prev = this.button(row, "Previous", move(nav.prev, "prev"), "conversation-threads-nav-button", "Previous exchange");
			const prevIcon = prev.createSpan({ cls: "conversation-threads-icon" });
			prev.prepend(prevIcon);
			setIcon(prevIcon, "arrow-left");
			prev.disabled = nav.prev === null;
			const next = this.button(row, "Next", move(nav.next, "next"), "conversation-threads-nav-button", "Next exchange");
			setIcon(next.createSpan({ cls: "conversation-threads-icon" }), "arrow-right");
			next.disabled = nav.next === null;
		}
		const flags: string[] = [];
		if (thread.forkCount > 0) flags.push(thread.forkCount === 1 ? "1 fork" : `${thread.forkCount} forks`);
		if (thread.cycleCount > 0) flags.push(thread.cycleCount === 1 ? "1 cycle" : `${thread.cycleCount} cycles`);
		if (flags.length > 0) section.createDiv({ cls: "conversation-threads-muted", text: flags.join(" · ") });

		let start = 0;
		let end = thread.entries.length;
		const windowed = thread.entries.length > ENTRY_WINDOW && !this.expanded.has(thread.id);
		if (windowed) {
			const centre = Math.max(0, thread.position);
			start = Math.max(0, Math.min(centre - ENTRY_WINDOW / 2, thread.entries.length - ENTRY_WINDOW));
			end = start + ENTRY_WINDOW;
		}
		const list = section.createEl("ol", { cls: "conversation-threads-entries", attr: { start: String(start + 1) } });
		for (let i = start; i < end; i++) {
			const entry = thread.entries[i];
			if (entry) this.renderEntry(list, thread, entry);
		}
		if (windowed) {
			this.button(
				section,
				`Show all ${thread.entries.length.toLocaleString()} exchanges`,
				{ kind: "show-all", threadId: thread.id },
				"conversation-threads-show-all",
			);
		}
	}

	private renderEntry(list: HTMLElement, thread: ThreadModel, entry: EntryModel): void {
		const item = list.createEl("li", { cls: "conversation-threads-entry" });
		if (entry.kind === "missing") {
			item.addClass("conversation-threads-is-missing");
			const button = this.button(item, "", { kind: "create", target: entry.target, ask: true, threadId: thread.id, position: entry.index }, "conversation-threads-link", `Create missing exchange ${entry.target}`);
			setIcon(button.createSpan({ cls: "conversation-threads-icon" }), "file-plus");
			button.createSpan({ text: entry.target });
			button.createSpan({ cls: "conversation-threads-flag", text: "Missing" });
			return;
		}
		const button = this.button(item, "", { kind: "open", path: entry.path, threadId: thread.id, position: entry.index }, "conversation-threads-link");
		button.createSpan({ cls: "conversation-threads-entry-label", text: entry.label });
		if (entry.current) {
			item.addClass("conversation-threads-is-current");
			button.setAttr("aria-current", "step");
		} else if (entry.sameNote) {
			item.addClass("conversation-threads-is-same-note");
		}
		if (entry.fork) this.flag(button, "git-fork", "Fork");
		if (entry.cycle) this.flag(button, "repeat", "Cycle");
		if (entry.selfLink) this.flag(button, "corner-down-left", "Links to itself");
	}

	private flag(parent: HTMLElement, icon: string, text: string): void {
		const flag = parent.createSpan({ cls: "conversation-threads-flag" });
		setIcon(flag.createSpan({ cls: "conversation-threads-icon" }), icon);
		flag.createSpan({ text });
	}

	private renderTags(root: HTMLElement, model: NoteModel): void {
		const section = this.section(root, "Source tags");
		const table = section.createDiv({ cls: "conversation-threads-tags" });
		const row = (label: string): HTMLElement => {
			table.createDiv({ cls: "conversation-threads-tag-label conversation-threads-muted", text: label });
			return table.createDiv({ cls: "conversation-threads-tag-values" });
		};
		if (model.sources.length > 0) {
			const values = row("Source");
			for (const source of model.sources) values.createSpan({ cls: "conversation-threads-chip", text: source.raw });
		}
		for (const id of model.conversationIds) {
			this.button(row("Conversation"), id, { kind: "copy", text: id }, "conversation-threads-copy", `Copy ${id}`);
		}
		if (model.messageIds.length > 0) {
			const details = section.createEl("details", { cls: "conversation-threads-messages" });
			details.createEl("summary", { text: `Message ids (${model.messageIds.length.toLocaleString()})` });
			const list = details.createEl("ul", { cls: "conversation-threads-list" });
			for (const id of model.messageIds) {
				this.button(list.createEl("li"), id, { kind: "copy", text: id }, "conversation-threads-copy", `Copy ${id}`);
			}
		}
		if (model.categories.length > 0) {
			const values = row("Categories");
			for (const category of model.categories) values.createSpan({ cls: "conversation-threads-chip", text: category });
		}
		if (model.tags.length > 0) {
			const values = row("Tags");
			for (const tag of model.tags) this.button(values, `#${tag}`, { kind: "tag", tag }, "conversation-threads-chip conversation-threads-tag", `Search #${tag}`);
		}
	}

	private renderUnresolved(root: HTMLElement, model: NoteModel): void {
		const section = this.section(root, "Unresolved links");
		const toggle = section.createDiv({ cls: "conversation-threads-toggle", attr: { role: "group", "aria-label": "Unresolved links scope" } });
		for (const [scope, text] of [["note", "This note"], ["thread", "Whole thread"]] as const) {
			const button = this.button(toggle, text, { kind: "scope", scope }, "conversation-threads-toggle-button");
			button.setAttr("aria-pressed", String(this.scope === scope));
			button.toggleClass("conversation-threads-is-active", this.scope === scope);
		}
		const items: UnresolvedItem[] = this.scope === "note" ? model.unresolvedNote : model.unresolvedThread;
		if (items.length === 0) {
			section.createDiv({ cls: "conversation-threads-muted", text: "No unresolved links." });
			return;
		}
		const list = section.createEl("ul", { cls: "conversation-threads-list conversation-threads-unresolved" });
		for (const item of items) {
			const li = list.createEl("li");
			const button = this.button(li, "", { kind: "create", target: item.target, ask: false }, "conversation-threads-link conversation-threads-is-unresolved", `Create ${item.target}`);
			button.createSpan({ cls: "conversation-threads-entry-label", text: item.target });
			button.createSpan({ cls: "conversation-threads-count", text: item.count.toLocaleString() });
			if (item.nestedRaw !== null) li.createDiv({ cls: "conversation-threads-muted conversation-threads-nested", text: `Repaired from ${item.nestedRaw}` });
		}
	}

}
