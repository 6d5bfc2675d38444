page-title = { $page } · Kairos
skip-to-content = Pular para o conteúdo
scheduling-by-kairos = Agendamento com Kairos
language-menu-label = Idioma
language-menu-change = Alterar
nav-label = Menu principal
nav-home = Início
nav-event-types = Tipos de evento
nav-availability = Disponibilidade
nav-calendars = Calendários
nav-bookings = Agendamentos
nav-workflows = Fluxos
nav-teams = Equipes
nav-settings = Configurações
nav-admin = Administração
sign-out = Sair
idle-title = Você ainda está aí?
idle-text = Para sua segurança, você será desconectado em { $seconds } segundos.
idle-stay = Continuar conectado
copy = Copiar
form-correct-fields = Corrija os campos destacados.
profile-language = Idioma
profile-language-organization = O idioma da organização
settings-default-language = Idioma padrão
settings-default-language-hint = Para as páginas de agendamento quando o navegador não pede nenhum idioma que o Kairos fala, e para quem não escolheu nenhum.

# A field's error under it: the field's label, then why it was refused.
field-error = { $label } { $reason }
js-zone-detected = Seu fuso (detectado)
js-zone-search = Pesquisar fusos horários
js-passwords-differ = As senhas não coincidem.
js-choose-one = Escolha pelo menos uma opção.
js-guest-email = E-mail do convidado { $n }
js-sending = Enviando…
js-copied = Copiado
event-type-language = Idioma da página
event-type-language-visitor = O idioma do visitante
event-type-language-hint = As páginas de agendamento e os e-mails aos convidados ficam neste idioma, seja qual for o do navegador.

notice-signed-out = Você saiu.
notice-password-changed = Sua senha foi alterada. Entre com a nova.
notice-setup-complete = A configuração está concluída. Boas-vindas ao Kairos.
notice-session-ended = Sua sessão terminou. Entre novamente para continuar.
notice-signed-out-everywhere = Você saiu em todos os dispositivos.
notice-second-factor-expired = O login demorou demais. Digite seu e-mail e sua senha novamente.
notice-unlocked = Este navegador pode entrar na sua conta novamente.

location-phone = Telefone: { $number }
location-link-coming = (o link está sendo criado e chegará por e-mail)
notice-shown-once-gone = O que foi mostrado aqui uma única vez não é mais exibido. Se você não copiou, crie um novo.
host-event-booked-by = Agendado por { $name } <{ $email }>
host-event-hosts = Anfitriões: { $names }
host-event-open = Abrir o agendamento: { $link }

zone-label = { $city } · { $zone } ({ $offset })
zone-label-city = { $city } ({ $offset })
zone-utc = UTC (Tempo Universal Coordenado)
zone-region = { $region ->
        [Africa] África
        [America] América
        [Antarctica] Antártida
        [Arctic] Ártico
        [Asia] Ásia
        [Atlantic] Atlântico
        [Australia] Austrália
        [Europe] Europa
        [Indian] Oceano Índico
        [Pacific] Pacífico
       *[other] { $region }
    }
