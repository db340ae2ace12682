import type { Mail } from '../mail/mailer';

function siteUrl(): string {
  return (process.env.SITE_URL ?? 'https://www.newsroom.example').replace(/\/$/, '');
}

const link = (path: string, token: string) => `${siteUrl()}${path}?token=${encodeURIComponent(token)}`;

/** The mails the accounts subgraph sends, in French like the site. Each names the one link to follow. */
export const accountMails = {
  verifyEmail(to: string, displayName: string, token: string): Mail {
    return {
      to,
      subject: 'Confirmez votre adresse e-mail',
      text: `Bonjour ${displayName},\n\nPour confirmer votre adresse, ouvrez ce lien (valable 24 heures) :\n${link('/compte/verifier-email', token)}\n\nSi vous n’avez pas créé de compte, ignorez ce message.`,
    };
  },
  resetPassword(to: string, token: string): Mail {
    return {
      to,
      subject: 'Réinitialisation de votre mot de passe',
      text: `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :\n${link('/compte/nouveau-mot-de-passe', token)}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.`,
    };
  },
  confirmSubscription(to: string, newsletterName: string, token: string, unsubscribeToken: string): Mail {
    return {
      to,
      subject: `Confirmez votre inscription à « ${newsletterName} »`,
      text: `Bonjour,\n\nPour recevoir « ${newsletterName} », confirmez votre inscription (lien valable 7 jours) :\n${link('/newsletters/confirmer', token)}\n\nSe désinscrire : ${link('/newsletters/desinscription', unsubscribeToken)}`,
    };
  },
  subscriptionConfirmed(to: string, newsletterName: string, unsubscribeToken: string): Mail {
    return {
      to,
      subject: `Bienvenue dans « ${newsletterName} »`,
      text: `Bonjour,\n\nVotre inscription à « ${newsletterName} » est confirmée.\n\nSe désinscrire en un clic : ${link('/newsletters/desinscription', unsubscribeToken)}`,
    };
  },
};
