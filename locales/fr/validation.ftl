error-required = est obligatoire
error-taken = est déjà pris ; choisissez-en un autre
error-one-line = doit tenir sur une ligne, sans caractères de contrôle
error-whole-number = doit être un nombre entier
error-text = doit être du texte
error-true-or-false = doit être vrai ou faux
error-password-mismatch = ne correspond pas au mot de passe
error-email = doit être une adresse e-mail, comme nom@example.org
error-time-zone = doit être un fuseau horaire IANA, comme Europe/Paris ou America/New_York
error-at-most-characters = doit compter au plus { $max } caractères
error-characters-between = doit compter de { $min } à { $max } caractères
error-between = doit être compris entre { $min } et { $max }
error-on-one-line = doit tenir sur une ligne
error-characters-long = doit compter de { $min } à { $max } caractères

error-date = doit être une date comme 2026-03-30 (AAAA-MM-JJ)
error-year = doit se situer entre les années { $min } et { $max }
error-instant = doit être un instant au format RFC 3339, comme 2026-03-30T09:00:00Z
error-whole-second = doit être une seconde entière (Kairos ne conserve pas de fractions de seconde)

error-at-most = doit valoir au plus { $max }
error-number = doit être un nombre
error-phone = doit être un numéro de téléphone, comme +33 1 23 45 67 89
error-international-phone = doit être un numéro de téléphone au format international, comme +33123456789
error-one-of = doit être l’une des valeurs suivantes : { $choices }
error-language = doit être en, de, fr, es, pt-BR, nl ou ar
error-slug = ne peut contenir que des lettres minuscules, des chiffres et -, et ne doit pas commencer par -
error-member-or-admin = doit être membre ou administrateur
error-json-object = doit être un objet JSON
error-invalid-link = lien non valide

error-password-short = { $min ->
        [one] doit compter au moins { $min } caractère
       *[other] doit compter au moins { $min } caractères
    }
error-password-long = { $max ->
        [one] doit compter au plus { $max } octet
       *[other] doit compter au plus { $max } octets
    }
error-password-one-character = ne doit pas répéter un seul et même caractère
error-password-common = figure dans la liste des mots de passe les plus courants ; choisissez-en un autre

outbound-invalid-url = n’est pas une URL valide
outbound-scheme = doit commencer par http:// ou https:// (pas { $scheme }://)
outbound-credentials = ne doit contenir ni nom d’utilisateur ni mot de passe
outbound-no-host = n’a pas d’hôte
outbound-unresolved = a un hôte, { $host }, qui ne peut pas être résolu : { $error }
outbound-refusal = { $refusal ->
        [loopback] une adresse de bouclage
        [unspecified] une adresse non spécifiée
        [link-local] une adresse lien-local
        [cloud-metadata] une adresse de métadonnées cloud
        [multicast] une adresse multicast
        [broadcast] l’adresse de diffusion
        [documentation] une adresse réservée à la documentation
        [benchmarking] une adresse réservée aux tests de performance
        [private] une adresse de réseau privé (un administrateur peut les autoriser dans les réglages de l’instance)
        [wrapped] { $wrapper ->
            [ipv4-compatible] une adresse compatible IPv4 qui contient { $ipv4 }
            [ipv4-translated] une adresse traduite IPv4 qui contient { $ipv4 }
            [six-to-four] une adresse 6to4 qui contient { $ipv4 }
           *[teredo] une adresse Teredo qui contient { $ipv4 }
        }
       *[reserved] une adresse réservée
    }
outbound-refused = pointe vers { $target }, { outbound-refusal } ; Kairos n’y envoie rien

error-too-many-dates = { $max ->
        [one] doit comporter au plus { $max } date
       *[other] doit comporter au plus { $max } dates
    }
error-after-start = doit être après le début
error-within-a-year = doit se situer dans l’année qui suit le début
error-range-days = { $max ->
        [one] la période peut couvrir au plus { $max } jour
       *[other] la période peut couvrir au plus { $max } jours
    }

# Comptes, première configuration et réglages de l’instance.

error-first-day = doit être lundi, dimanche ou samedi
error-time-format = doit être 12 ou 24
error-current-password = n’est pas votre mot de passe actuel
error-new-password-mismatch = ne correspond pas au nouveau mot de passe
error-email-registered = appartient déjà à un compte
error-setup-time-zone = doit être un fuseau horaire IANA, comme Europe/Paris
error-installation = doit être partagée, bureau ou personnelle
error-signup-mode = doit être fermée ou sur invitation
error-require-mfa = doit être désactivée, administrateurs ou tout le monde
error-too-many-sites = { $max ->
        [one] peut lister au plus { $max } site
       *[other] peut lister au plus { $max } sites
    }
error-origin-scheme = { $origin } doit commencer par https:// ou http://
error-origin = { $origin } n’est pas une origine comme https://www.example.org (sans chemin)
error-retention-years = doit être un nombre entier d’années de { $min } à { $max }
error-hourly-cap = doit être un nombre entier de 0 (sans limite) à { $max }
error-idle-minutes = doit être l’une de ces durées : { $choices } minutes

# L’application de connexion d’un administrateur (Google, Microsoft, Zoom).

error-app-credential = { $max ->
        [one] doit être un seul mot d’au plus { $max } caractère, tel que le fournisseur l’affiche
       *[other] doit être un seul mot d’au plus { $max } caractères, tel que le fournisseur l’affiche
    }
error-tenant = doit être l’ID de l’annuaire (locataire), un domaine comme contoso.onmicrosoft.com, ou common
error-username-characters = ne peut contenir que des lettres minuscules, des chiffres, - et _, et doit commencer par une lettre ou un chiffre
error-username-reserved = est réservé ; choisissez-en un autre
error-language-any = doit être l’une des valeurs en, de, fr, es, pt-BR, nl, ar ou en-XA
