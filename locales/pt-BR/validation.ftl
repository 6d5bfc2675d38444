error-required = é obrigatório
error-taken = já está em uso; escolha outro
error-one-line = deve ser uma linha sem caracteres de controle
error-whole-number = deve ser um número inteiro
error-text = deve ser texto
error-true-or-false = deve ser verdadeiro ou falso
error-password-mismatch = não corresponde à senha
error-email = deve ser um endereço de e-mail, como nome@example.org
error-time-zone = deve ser um fuso horário IANA, como America/Sao_Paulo ou America/New_York
error-at-most-characters = deve ter no máximo { $max } caracteres
error-characters-between = deve ter de { $min } a { $max } caracteres
error-between = deve estar entre { $min } e { $max }
error-on-one-line = deve estar em uma única linha
error-characters-long = deve ter de { $min } a { $max } caracteres

error-date = deve ser uma data como 2026-03-30 (AAAA-MM-DD)
error-year = deve estar entre os anos { $min } e { $max }
error-instant = deve ser um instante no formato RFC 3339, como 2026-03-30T09:00:00Z
error-whole-second = deve ser um segundo inteiro (o Kairos não guarda frações de segundo)

error-at-most = deve ser no máximo { $max }
error-number = deve ser um número
error-phone = deve ser um número de telefone, como +55 11 91234-5678
error-international-phone = deve ser um número de telefone no formato internacional, como +5511912345678
error-one-of = deve ser um destes: { $choices }
error-language = deve ser um de en, de, fr, es, pt-BR, nl ou ar
error-slug = só pode conter letras minúsculas, dígitos e -, e não pode começar com -
error-member-or-admin = deve ser membro ou administrador
error-json-object = deve ser um objeto JSON
error-invalid-link = link inválido

error-password-short = { $min ->
        [one] deve ter pelo menos { $min } caractere
       *[other] deve ter pelo menos { $min } caracteres
    }
error-password-long = { $max ->
        [one] deve ter no máximo { $max } byte
       *[other] deve ter no máximo { $max } bytes
    }
error-password-one-character = não pode repetir um único caractere
error-password-common = está na lista de senhas mais usadas; escolha outra

outbound-invalid-url = não é uma URL válida
outbound-scheme = deve começar com http:// ou https:// (não { $scheme }://)
outbound-credentials = não pode conter nome de usuário nem senha
outbound-no-host = não tem host
outbound-unresolved = tem um host, { $host }, que não pode ser resolvido: { $error }
outbound-refusal = { $refusal ->
        [loopback] um endereço de loopback
        [unspecified] um endereço não especificado
        [link-local] um endereço link-local
        [cloud-metadata] um endereço de metadados de nuvem
        [multicast] um endereço multicast
        [broadcast] o endereço de broadcast
        [documentation] um endereço reservado para documentação
        [benchmarking] um endereço reservado para testes de desempenho
        [private] um endereço de rede privada (um administrador pode permiti-los nas configurações da instância)
        [wrapped] { $wrapper ->
            [ipv4-compatible] um endereço compatível com IPv4 que contém { $ipv4 }
            [ipv4-translated] um endereço traduzido de IPv4 que contém { $ipv4 }
            [six-to-four] um endereço 6to4 que contém { $ipv4 }
           *[teredo] um endereço Teredo que contém { $ipv4 }
        }
       *[reserved] um endereço reservado
    }
outbound-refused = aponta para { $target }, { outbound-refusal }; o Kairos não envia nada para lá

error-too-many-dates = { $max ->
        [one] deve incluir no máximo { $max } data
       *[other] deve incluir no máximo { $max } datas
    }
error-after-start = deve ser posterior ao início
error-within-a-year = deve ficar dentro de um ano a partir do início
error-range-days = { $max ->
        [one] o intervalo pode abranger no máximo { $max } dia
       *[other] o intervalo pode abranger no máximo { $max } dias
    }

# Contas, a primeira configuração e as configurações da instância.

error-first-day = deve ser segunda, domingo ou sábado
error-time-format = deve ser 12 ou 24
error-current-password = não é a sua senha atual
error-new-password-mismatch = não corresponde à nova senha
error-email-registered = já pertence a uma conta
error-setup-time-zone = deve ser um fuso horário IANA, como America/Sao_Paulo
error-installation = deve ser compartilhada, escritório ou pessoal
error-signup-mode = deve ser fechado ou por convite
error-require-mfa = deve ser desativado, administradores ou todos
error-too-many-sites = { $max ->
        [one] pode listar no máximo { $max } site
       *[other] pode listar no máximo { $max } sites
    }
error-origin-scheme = { $origin } deve começar com https:// ou http://
error-origin = { $origin } não é uma origem como https://www.example.org (sem caminho)
error-retention-years = deve ser um número inteiro de anos de { $min } a { $max }
error-hourly-cap = deve ser um número inteiro de 0 (sem limite) a { $max }
error-idle-minutes = deve ser um destes valores: { $choices } minutos

# O aplicativo de login de um administrador (Google, Microsoft, Zoom).

error-app-credential = { $max ->
        [one] deve ser uma única palavra de no máximo { $max } caractere, como o fornecedor a mostra
       *[other] deve ser uma única palavra de no máximo { $max } caracteres, como o fornecedor a mostra
    }
error-tenant = deve ser o ID do diretório (locatário), um domínio como contoso.onmicrosoft.com, ou common
error-username-characters = só pode conter letras minúsculas, dígitos, - e _, e deve começar com uma letra ou um dígito
error-username-reserved = está reservado; escolha outro
error-language-any = deve ser um de en, de, fr, es, pt-BR, nl, ar ou en-XA
