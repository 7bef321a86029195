// Error messages of export and import (fr, en), and the detail codes an import check reports.
import { defineIssueMessages } from "../../domain/charter/messages.ts";
import { defineErrors } from "../../i18n/errors.ts";

const NBSP = "\u00a0";
const fr = (s: unknown) => `«${NBSP}${String(s)}${NBSP}»`;
const en = (s: unknown) => `“${String(s)}”`;

defineErrors({
  import_invalid: {
    fr: (p) =>
      `Ce fichier n’est pas un export Cadre utilisable${NBSP}: ${String(p.count)} point(s) à corriger (voir le détail). Rien n’a été importé.`,
    en: (p) =>
      `This file is not a usable Cadre export: ${String(p.count)} thing(s) to fix (see the details). Nothing was imported.`,
  },
  import_slug_taken: {
    fr: (p) =>
      `Un espace ${fr(p.slug)} existe déjà dans cette base. Importez sous une autre adresse avec --slug <nouvelle-adresse>. Rien n’a été importé.`,
    en: (p) =>
      `A workspace ${en(p.slug)} already exists in this database. Import it under another address with --slug <new-slug>. Nothing was imported.`,
  },
  import_workspace_exists: {
    fr: () =>
      `Cet espace (même identifiant) existe déjà dans cette base. Pour en faire une copie, importez-le sous une autre adresse avec --slug <nouvelle-adresse>. Rien n’a été importé.`,
    en: () =>
      "This workspace (same id) already exists in this database. To make a copy, import it under another address with --slug <new-slug>. Nothing was imported.",
  },
  import_user_conflict: {
    fr: (p) =>
      `Le compte ${String(p.email)} ne correspond pas à celui de cette base (même adresse ou même identifiant, mais pas les deux). Rien n’a été importé.`,
    en: (p) =>
      `The account ${String(p.email)} does not match the one in this database (same e-mail or same id, but not both). Nothing was imported.`,
  },
  import_conflict: {
    fr: () => "L’import entre en conflit avec des données de cette base. Rien n’a été importé.",
    en: () => "The import conflicts with data in this database. Nothing was imported.",
  },
  export_choose_workspace: {
    fr: (p) =>
      `Cette base contient plusieurs espaces${NBSP}: choisissez-en un avec --workspace <adresse> (${String(p.slugs)}).`,
    en: (p) =>
      `This database holds several workspaces: choose one with --workspace <slug> (${String(p.slugs)}).`,
  },
  export_no_workspace: {
    fr: () => "Cette base ne contient encore aucun espace à exporter.",
    en: () => "This database holds no workspace to export yet.",
  },
});

defineIssueMessages({
  offer_id_mismatch: {
    fr: (p) => `l’identifiant du document (${fr(p.documentId)}) doit être celui de l’offre`,
    en: (p) => `the document's id (${en(p.documentId)}) must be the offer's id`,
  },
  no_owner: {
    fr: () => "l’espace doit avoir au moins un membre propriétaire (role « owner »)",
    en: () => "the workspace needs at least one member whose role is “owner”",
  },
  unsafe_text: {
    fr: () =>
      "ce texte contient un caractère nul ou une suite UTF-16 invalide, qu’une base de données ne peut pas conserver telle quelle",
    en: () =>
      "this text holds a NUL character or invalid UTF-16, which a database cannot keep as it is",
  },
  base64_format: {
    fr: () => "le contenu doit être encodé en base64",
    en: () => "the content must be base64-encoded",
  },
  duplicate_value: {
    fr: (p) => `${fr(p.value)} est déjà utilisé plus haut`,
    en: (p) => `${en(p.value)} is already used above`,
  },
});
