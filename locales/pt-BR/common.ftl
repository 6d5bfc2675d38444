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
