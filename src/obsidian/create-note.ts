// Creating a note for a missing exchange or an unresolved link: in the configured folder, never overwriting.
import { Modal, normalizePath, TFile, TFolder, type App } from "obsidian";
import { noteNameFor, notePathIn } from "../core/note-creation-plan";
import { displayError } from "./display-error";

/** Where a new note for `target` goes (see `noteNameFor`), or why it can't be made. */
function newNotePath(folder: string, target: string): { path: string } | { reason: string } {
	const named = noteNameFor(target);
	return "reason" in named ? named : { path: normalizePath(notePathIn(folder, named.name)) };
}

/** Creates the folder a new file at `path` goes in, unless it exists. */
export async function ensureParentFolder(app: App, path: string): Promise<void> {
	await ensureFolder(app, path.slice(0, Math.max(0, path.lastIndexOf("/"))));
}

/** Creates `folder` unless it exists; a file in its place is an error. */
async function ensureFolder(app: App, folder: string): Promise<void> {
	if (folder === "") return;
	const existing = app.vault.getAbstractFileByPath(normalizePath(folder));
	if (existing instanceof TFolder) return;
	if (existing) throw new Error(`"${folder}" is a file, not a folder`);
	await app.vault.createFolder(normalizePath(folder));
}

/**
 * Open the note for `target` if it exists (where the index resolves it, or at the new-note path), else create
 * it empty in `folder` and open it. Never overwrites.
 */
export async function openOrCreateNote(
	app: App,
	target: string,
	/** Where the index resolves the target to, if anywhere. */
	resolvedPath: string | null,
	folder: string,
	newLeaf: boolean | "tab" | "split" | "window",
	/** Text of the note if it has to be created. */
	content = "",
): Promise<void> {
	const resolved = resolvedPath === null ? null : app.vault.getAbstractFileByPath(resolvedPath);
	if (resolved instanceof TFile) {
		await app.workspace.getLeaf(newLeaf).openFile(resolved);
		return;
	}
	const planned = newNotePath(folder, target);
	if ("reason" in planned) {
		displayError(`Can't create a note named "${target}". ${planned.reason}`);
		return;
	}
	const path = planned.path;
	try {
		const existing = app.vault.getAbstractFileByPath(path);
		let file: TFile;
		if (existing instanceof TFile) {
			file = existing;
		} else if (existing) {
			displayError(`"${path}" is a folder.`);
			return;
		} else {
			await ensureParentFolder(app, path);
			file = await app.vault.create(path, content);
		}
		await app.workspace.getLeaf(newLeaf).openFile(file);
	} catch (error) {
		displayError(`Could not create "${path}".`, error);
	}
}

/** A yes/no question; resolves true on confirm. */
export class ConfirmModal extends Modal {
	private answered = false;

	constructor(
		app: App,
		private readonly message: string,
		private readonly confirmText: string,
		private readonly onAnswer: (confirmed: boolean) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		this.titleEl.setText("Create note?");
		this.contentEl.createEl("p", { text: this.message });
		const buttons = this.contentEl.createDiv({ cls: "modal-button-container" });
		const confirm = buttons.createEl("button", { text: this.confirmText, cls: "mod-cta" });
		confirm.addEventListener("click", () => this.answer(true));
		const cancel = buttons.createEl("button", { text: "Cancel" });
		cancel.addEventListener("click", () => this.answer(false));
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.answered) this.onAnswer(false);
	}

	private answer(confirmed: boolean): void {
		this.answered = true;
		this.onAnswer(confirmed);
		this.close();
	}
}

export function confirm(app: App, message: string, confirmText: string): Promise<boolean> {
	return new Promise((resolve) => new ConfirmModal(app, message, confirmText, resolve).open());
}
