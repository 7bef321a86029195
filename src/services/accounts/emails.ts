// The e-mails the accounts work sends (through the outbox), in French or English, and the links
// they carry (invitations, portal magic links, password resets). The secret sits in the URL
// fragment, which browsers never send to a server.
import type { Lang } from "../../i18n/lang.ts";

export function langOf(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function invitationUrl(publicUrl: string, secret: string): string {
  return `${publicUrl.replace(/\/$/, "")}/invite#token=${secret}`;
}

export function portalUrl(publicUrl: string, secret: string): string {
  return `${publicUrl.replace(/\/$/, "")}/portal#token=${secret}`;
}

/** Where a professional sets a new password (the web app's page). */
export function passwordResetUrl(publicUrl: string, secret: string): string {
  return `${publicUrl.replace(/\/$/, "")}/app/reset-password#token=${secret}`;
}

/** Outbox keys of reset mails start with this: the outbox views hide the link in them. */
export const PASSWORD_RESET_MAIL_KEY = "password-reset:";

function when(at: string, timezone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-CA" : "en-CA", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: timezone,
    timeZoneName: "short",
  }).format(new Date(at));
}

export interface Mail {
  subject: string;
  text: string;
}

export function invitationMail(
  lang: Lang,
  m: { workspace: string; inviter: string; url: string; expiresAt: string; timezone: string },
): Mail {
  const until = when(m.expiresAt, m.timezone, lang);
  if (lang === "fr") {
    return {
      subject: `${m.inviter} vous invite dans l’espace ${m.workspace} sur Cadre`,
      text: `Bonjour,\n\n${m.inviter} vous invite à rejoindre l’espace « ${m.workspace} » sur Cadre.\n\nPour accepter, ouvrez ce lien (valable jusqu’au ${until}) :\n${m.url}\n\nSi vous ne vous attendiez pas à cette invitation, ignorez ce message.\n`,
    };
  }
  return {
    subject: `${m.inviter} invites you to the ${m.workspace} workspace on Cadre`,
    text: `Hello,\n\n${m.inviter} invites you to join the “${m.workspace}” workspace on Cadre.\n\nTo accept, open this link (valid until ${until}):\n${m.url}\n\nIf you did not expect this invitation, ignore this message.\n`,
  };
}

export function magicLinkMail(
  lang: Lang,
  m: { workspace: string; client: string; url: string; expiresAt: string; timezone: string },
): Mail {
  const until = when(m.expiresAt, m.timezone, lang);
  if (lang === "fr") {
    return {
      subject: `Votre accès à l’espace client ${m.workspace}`,
      text: `Bonjour ${m.client},\n\nVoici votre lien personnel vers l’espace client de ${m.workspace} : vous y trouverez la charte de travail, vos demandes et ce que votre mandat comprend.\n\n${m.url}\n\nCe lien ne sert qu’une fois et expire le ${until}. Ne le transférez pas.\n`,
    };
  }
  return {
    subject: `Your access to the ${m.workspace} client portal`,
    text: `Hello ${m.client},\n\nHere is your personal link to the ${m.workspace} client portal: the working charter, your requests and what your engagement includes.\n\n${m.url}\n\nThis link works once and expires on ${until}. Please do not forward it.\n`,
  };
}

export function passwordResetMail(
  lang: Lang,
  m: { name: string; email: string; url: string; expiresAt: string; timezone: string },
): Mail {
  const until = when(m.expiresAt, m.timezone, lang);
  if (lang === "fr") {
    return {
      subject: "Réinitialiser votre mot de passe Cadre",
      text: `Bonjour ${m.name},\n\nQuelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe du compte Cadre ${m.email}.\n\nPour choisir un nouveau mot de passe, ouvrez ce lien :\n${m.url}\n\nCe lien ne sert qu’une fois et expire le ${until}. Une fois le mot de passe changé, toutes vos sessions ouvertes sont fermées.\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.\n`,
    };
  }
  return {
    subject: "Reset your Cadre password",
    text: `Hello ${m.name},\n\nSomeone (you, we hope) asked to reset the password of the Cadre account ${m.email}.\n\nTo choose a new password, open this link:\n${m.url}\n\nThis link works once and expires on ${until}. Once the password is changed, every open session is signed out.\n\nIf you did not ask for this, ignore this message: your password stays the same.\n`,
  };
}
