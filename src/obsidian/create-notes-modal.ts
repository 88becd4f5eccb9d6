// "Create notes for unresolved links": pick targets (thread or vault), preview the paths, create them
// through the Vault API without overwriting anything, then list what was made so it can be reviewed.
import { Modal, normalizePath, Notice, TFile, type App } from "obsidian";
import { planNoteCreation, type PlanItem } from "../core/note-creation-plan";
import { ensureParentFolder } from "./create-note";
import type { ThreadIndexReader, UnresolvedCount } from "../core/thread-model";

export type CreateScope = "thread" | "vault";

export interface CreateNotesOptions {
	index: ThreadIndexReader;
	folder: string;
	/** The thread of the active note, when there is one. */
	threadId: string | null;
	scope: CreateScope;
	openPath: (path: string, newLeaf: boolean) => Promise<void>;
	/** The text a new note for `target` starts with ("" for an empty note). */
	noteText: (target: string) => string;
}

interface Outcome {
	created: TFile[];
	skipped: { target: string; why: string }[];
}

export class CreateNotesModal extends Modal {
	private createScope: CreateScope;
	private selected = new Set<string>();

	constructor(
		app: App,
		private readonly options: CreateNotesOptions,
	) {
		super(app);
		this.createScope = options.threadId === null ? "vault" : options.scope;
	}

	override onOpen(): void {
		this.titleEl.setText("Create notes for unresolved links");
		this.renderChoice();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private targets(): UnresolvedCount[] {
		const { index, threadId } = this.options;
		if (this.createScope === "thread" && threadId !== null) return index.unresolvedForThread(threadId);
		return index.unresolvedInVault().map(({ target, count }) => ({ target, count }));
	}

	private plan(): PlanItem[] {
		const taken = new Set(this.app.vault.getAllLoadedFiles().map((f) => f.path.toLowerCase()));
		return planNoteCreation(this.targets(), this.options.folder, (path) => taken.has(normalizePath(path).toLowerCase()));
	}

	private renderChoice(): void {
		const el = this.contentEl;
		el.empty();
		el.addClass("conversation-threads-create-modal");
		if (this.options.threadId !== null) {
			const scopes = el.createDiv({ cls: "conversation-threads-scope" });
			for (const [value, label] of [["thread", "This thread"], ["vault", "Whole vault"]] as const) {
				const button = scopes.createEl("button", { text: label, cls: this.createScope === value ? "mod-cta" : "" });
				button.setAttr("aria-pressed", String(this.createScope === value));
				button.addEventListener("click", () => {
					this.createScope = value;
					this.selected.clear();
					this.renderChoice();
				});
			}
		}
		const plan = this.plan();
		const creatable = plan.filter((p) => p.status === "create");
		if (plan.length === 0) {
			el.createEl("p", { cls: "conversation-threads-empty", text: "Every link resolves: there is nothing to create." });
			return;
		}
		if (this.selected.size === 0) for (const item of creatable) this.selected.add(item.target);

		const folder = this.options.folder.trim() === "" ? "the vault root" : this.options.folder;
		const summary = el.createEl("p", { cls: "conversation-threads-muted" });
		const list = el.createDiv({ cls: "conversation-threads-create-list" });
		const createButton = el.createDiv({ cls: "modal-button-container" }).createEl("button", { cls: "mod-cta" });
		const refresh = () => {
			const count = creatable.filter((p) => this.selected.has(p.target)).length;
			summary.setText(`${count} of ${plan.length} targets selected. New notes go to ${folder}; existing files are never overwritten.`);
			createButton.setText(count === 1 ? "Create 1 note" : `Create ${count} notes`);
			createButton.toggleAttribute("disabled", count === 0);
		};

		for (const item of plan) {
			const row = list.createEl("label", { cls: `conversation-threads-create-row conversation-threads-is-${item.status}` });
			const box = row.createEl("input", { type: "checkbox" });
			box.checked = item.status === "create" && this.selected.has(item.target);
			box.disabled = item.status !== "create";
			box.addEventListener("change", () => {
				if (box.checked) this.selected.add(item.target);
				else this.selected.delete(item.target);
				refresh();
			});
			const text = row.createDiv({ cls: "conversation-threads-create-text" });
			text.createSpan({ cls: "conversation-threads-create-target", text: item.target });
			text.createSpan({ cls: "conversation-threads-count", text: `${item.count}` });
			const detail = text.createDiv({ cls: "conversation-threads-muted" });
			if (item.status === "create") detail.setText(`Creates ${item.path}`);
			else if (item.status === "exists") detail.setText(`${item.path} already exists: left as it is.`);
			else if (item.status === "duplicate") detail.setText(`Same file as ${item.sameAs}.`);
			else detail.setText(`Can't be a file name. ${item.reason}`);
		}
		createButton.addEventListener("click", () => {
			createButton.toggleAttribute("disabled", true);
			void this.create(creatable.filter((p) => this.selected.has(p.target))).then((outcome) => this.renderOutcome(outcome));
		});
		refresh();
	}

	private async create(items: PlanItem[]): Promise<Outcome> {
		const outcome: Outcome = { created: [], skipped: [] };
		for (const item of items) {
			if (item.status !== "create") continue;
			const path = normalizePath(item.path);
			// Checked again right before writing: the vault may have changed since the preview.
			if (this.app.vault.getAbstractFileByPath(path)) {
				outcome.skipped.push({ target: item.target, why: `${path} already exists` });
				continue;
			}
			try {
				await ensureParentFolder(this.app, path);
				outcome.created.push(await this.app.vault.create(path, this.options.noteText(item.target)));
			} catch (error) {
				outcome.skipped.push({ target: item.target, why: error instanceof Error ? error.message : String(error) });
			}
		}
		return outcome;
	}

	private renderOutcome(outcome: Outcome): void {
		const el = this.contentEl;
		el.empty();
		new Notice(outcome.created.length === 1 ? "Created 1 note" : `Created ${outcome.created.length} notes`);
		el.createEl("p", { text: outcome.created.length === 0 ? "No notes were created." : "Created these notes. Open one to fill it in, or move it to the trash." });
		const list = el.createDiv({ cls: "conversation-threads-create-list" });
		for (const file of outcome.created) {
			const row = list.createDiv({ cls: "conversation-threads-create-row" });
			const link = row.createEl("a", { cls: "conversation-threads-link", text: file.path, href: "#" });
			link.addEventListener("click", (evt) => {
				evt.preventDefault();
				void this.options.openPath(file.path, evt.ctrlKey || evt.metaKey);
			});
			const trash = row.createEl("button", { text: "Move to trash" });
			trash.addEventListener("click", () => {
				void this.app.fileManager.trashFile(file).then(() => {
					trash.setText("Moved to trash");
					trash.toggleAttribute("disabled", true);
				});
			});
		}
		for (const skip of outcome.skipped) {
			list.createDiv({ cls: "conversation-threads-create-row conversation-threads-is-exists", text: `Skipped ${skip.target}: ${skip.why}` });
		}
	}
}
