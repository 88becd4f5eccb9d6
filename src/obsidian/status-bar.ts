// Status bar: indexing progress while a scan runs, then "Exchange 3/7 · Claude" on conversation notes.
import { Component } from "obsidian";
import type { PanelHost } from "./host";
import { statusText } from "./thread-view-model";

export class StatusBar extends Component {
	constructor(
		private readonly host: PanelHost,
		private readonly progressEl: HTMLElement,
		private readonly exchangeEl: HTMLElement,
	) {
		super();
	}

	override onload(): void {
		this.progressEl.addClass("conversation-threads-status");
		this.exchangeEl.addClass("conversation-threads-status", "mod-clickable");
		this.exchangeEl.setAttr("aria-label", "Open thread panel");
		const workspace = this.host.app.workspace;
		this.registerEvent(this.host.indexer.on("progress", () => this.showProgress()));
		this.registerEvent(this.host.indexer.on("changed", () => this.refresh()));
		this.registerEvent(workspace.on("file-open", () => this.refresh()));
		this.registerEvent(workspace.on("active-leaf-change", () => this.refresh()));
		this.registerDomEvent(this.exchangeEl, "click", () => void this.host.activateView());
		this.showProgress();
		this.refresh();
	}

	showProgress(): void {
		const state = this.host.indexer.indexState;
		const busy = !state.ready && state.total > 0;
		this.progressEl.setText(busy ? `Indexing ${state.done.toLocaleString()} / ${state.total.toLocaleString()}` : "");
		this.progressEl.toggleClass("conversation-threads-hidden", !busy);
	}

	refresh(): void {
		const file = this.host.app.workspace.getActiveFile();
		const text = this.host.settings.showStatusBar && file ? statusText(this.host.indexer.index, file.path, this.host.hint) : null;
		this.exchangeEl.setText(text ?? "");
		this.exchangeEl.toggleClass("conversation-threads-hidden", text === null);
	}
}
