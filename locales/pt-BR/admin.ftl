# Administração: pessoas, convites, as configurações da instância e as páginas abaixo dela.

admin-title = Administração
admin-intro = Quem pode entrar e como esta instância se comporta.
admin-back-to-admin = Voltar para a administração
admin-calendar-sync = Sincronização de calendários
admin-status = Status
admin-set-up = Configurado
admin-not-set-up = Não configurado
admin-client-id = ID do cliente
admin-client-secret = Segredo do cliente
admin-redirect-uri = URI de redirecionamento

## Pessoas e convites

admin-people = Pessoas
admin-role = { $role ->
        [owner] Proprietário
        [admin] Administrador
       *[member] Membro
    }
admin-disabled = Desativada
admin-no-password = Ainda não definiu uma senha
admin-since = desde { $date }
admin-enable = Ativar
admin-disable = Desativar
admin-disable-confirm = Desativar { $name }? A pessoa é desconectada na hora.
admin-create-account = Criar uma conta
admin-create-account-hint = Você recebe um link de uso único, válido por { $days ->
        [one] 1 dia
       *[other] { $days } dias
    }, para a pessoa escolher a senha.
admin-name = Nome
admin-email = E-mail
admin-role-label = Papel
admin-role-member = Membro
admin-role-admin = Administrador
admin-create-account-button = Criar conta
admin-invitations = Convites
admin-invitations-hint = A pessoa recebe um link de uso único, válido por { $days ->
        [one] 1 dia
       *[other] { $days } dias
    }, para escolher nome e senha. Ele é enviado por e-mail quando há um servidor de e-mail configurado; caso contrário, você o copia.
admin-send-invitation = Enviar convite
admin-no-invitations = Nenhum convite pendente.
admin-pending = Pendentes
admin-expires = expira em { $date }
admin-revoke-confirm = Revogar o convite de { $email }? O link deixa de funcionar.
admin-revoke = Revogar
admin-account-created = Conta criada para { $name }.
admin-invitation-emailed = Convite enviado por e-mail para { $email }.
admin-invitation-link-works = O link funciona uma vez em até { $days ->
        [one] 1 dia
       *[other] { $days } dias
    }.
admin-invitation-created = Convite criado para { $email }.
admin-not-emailed-invitation = Não foi possível enviá-lo por e-mail ({ $reason }).
admin-invitation-send-link = Envie a ela este link de uso único. Ele só é mostrado agora e funciona uma vez em até { $days ->
        [one] 1 dia
       *[other] { $days } dias
    }:
admin-invitation-link = Link do convite
admin-account-link-emailed = Enviamos para { $email } um link de uso único para escolher a senha. Ele funciona uma vez em até { $days ->
        [one] 1 dia
       *[other] { $days } dias
    }.
admin-not-emailed-link = Não foi possível enviar o link por e-mail ({ $reason }).
admin-account-link-send = Envie a ela este link de uso único para escolher a senha. Ele só é mostrado agora e vale por { $days ->
        [one] 1 dia
       *[other] { $days } dias
    }:
admin-one-time-link = Link de uso único

## Configurações da instância

admin-instance = Instância
admin-public-address-hint = Por exemplo https://book.example.org. O base_url do arquivo de configuração tem prioridade.
admin-signup = Quem pode entrar
admin-signup-closed = Fechado: só administradores criam contas
admin-signup-invite = Só por convite: as pessoas entram por um link de uso único
admin-signup-hint = Em nenhum caso há uma página pública de cadastro.
admin-embed-origins = Sites que podem incorporar as páginas de agendamento
admin-embed-origins-hint = Uma origem por linha, por exemplo https://www.example.org. Vazio: nenhum site pode exibi-las em um quadro. O painel nunca pode ser incorporado.
admin-require-mfa = Exigir verificação em duas etapas
admin-require-mfa-off = Não: cada pessoa escolhe
admin-require-mfa-administrators = Para administradores
admin-require-mfa-everyone = Para todos
admin-require-mfa-hint = As pessoas abrangidas a configuram logo após entrar e não podem fazer mais nada antes disso.
admin-audit-retention = Manter o registro de auditoria por (anos)
admin-audit-retention-hint = Entradas mais antigas são removidas diariamente; o registro continua verificável. A HIPAA exige 6 anos.
admin-limit-event-type = Novos agendamentos por tipo de evento por hora
admin-limit-event-type-hint = Somando as páginas de agendamento e a API; acima disso, pede-se que tentem mais tarde. 0: sem limite.
admin-limit-host = Novos agendamentos por anfitrião por hora
admin-limit-host-hint = Em todos os tipos de evento de um anfitrião. Anfitriões que agendam seus próprios tipos de evento não têm limite. 0: sem limite.
admin-idle = Desconectar após inatividade
admin-idle-hint = Um minuto antes, a página pergunta se a pessoa ainda está aí.
admin-idle-minutes = { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }
admin-idle-hours = { $hours ->
        [one] 1 hora
       *[other] { $hours } horas
    }
admin-idle-option = { $time } ({ $fits })
admin-minimum-necessary = Somente o necessário nas mensagens
admin-minimum-necessary-hint = Respostas e observações ficam fora de e-mails, SMS e webhooks; eles levam só o horário, o local e os links. O painel continua mostrando tudo a quem tem permissão para ver.
admin-allow-private = Permitir servidores da rede privada
admin-allow-private-hint = Para receptores de webhooks, o gateway de SMS, o servidor de e-mail e o provedor de login único dentro da sua rede (10.x, 172.16–31.x, 192.168.x, 100.64–127.x, fc00::/7); o servidor de e-mail, o gateway e o provedor também podem então rodar nesta máquina (localhost). Endereços link-local, de metadados de nuvem e outros endereços especiais são sempre recusados.
admin-save-settings = Salvar configurações

## O registro de auditoria

admin-audit-title = Registro de auditoria
admin-audit-intro = Quem fez o quê, e de onde. Mais recentes primeiro; a página mostra até { $limit } linhas, um download traz todas as linhas correspondentes.
admin-audit-action = Ação
admin-audit-actor = Ator
admin-audit-anyone = Qualquer um
admin-audit-actor-kind = { $kind ->
        [user] Usuário
        [api_key] Chave de API
        [invitee] Convidado
        [system] Sistema
        [anonymous] Anônimo
       *[other] { $kind }
    }
admin-audit-actor-id = ID do ator
admin-audit-from = De
admin-audit-to = Até
admin-audit-filter = Filtrar
admin-audit-download-csv = Baixar CSV
admin-audit-download-json = Baixar JSON
admin-audit-time = Hora (UTC)
admin-audit-object = Objeto
admin-audit-outcome = Resultado
admin-audit-outcome-value = { $outcome ->
        [success] Sucesso
        [failure] Falha
        [denied] Negado
       *[other] { $outcome }
    }
admin-audit-address = Endereço
admin-audit-user-agent = Agente do usuário

## E-mail: o servidor de e-mail

smtp-server = Servidor
smtp-port = Porta
smtp-security = Segurança
smtp-security-starttls = STARTTLS: uma conexão simples promovida a TLS
smtp-security-tls = TLS desde o início
smtp-security-none = Nenhuma: só para um relay em uma rede confiável
smtp-security-hint = Normalmente a porta 587 com STARTTLS, 465 com TLS.
smtp-username = Nome de usuário
smtp-username-hint = Só se o servidor pedir login.
smtp-password = Senha
smtp-password-stored = Há uma senha salva. Deixe em branco para mantê-la.
smtp-password-new = Salva criptografada, nunca mais exibida.
smtp-from-address = Endereço do remetente
smtp-from-name = Nome do remetente
smtp-from-name-placeholder = Sua organização

admin-email-title = E-mail
admin-email-intro = O servidor de e-mail pelo qual o Kairos envia confirmações, solicitações e alterações de agendamentos. Sem ele, nenhum e-mail é enviado.
admin-email-server = Servidor de e-mail
admin-email-save = Salvar servidor de e-mail
admin-email-test = Enviar uma mensagem de teste
admin-email-save-first = Salve primeiro um servidor de e-mail.
admin-email-test-hint = Envia uma mensagem curta pelo servidor salvo. Se falhar, você vê a resposta do servidor.
admin-email-send-to = Enviar para
admin-email-send-test = Enviar e-mail de teste
admin-email-test-sent = A mensagem de teste foi enviada para { $to }.
admin-email-test-not-sent = A mensagem de teste não foi enviada.
admin-email-server-answered = O servidor de e-mail respondeu:
admin-email-test-failed = A mensagem de teste não foi enviada: { $reason }.

## SMS

admin-sms-title = Mensagens de texto
admin-sms-intro = O Kairos envia mensagens de texto (lembretes e mensagens de fluxos) por um gateway HTTP de sua escolha.
admin-sms-gateway = Gateway
admin-sms-unreadable = As configurações salvas do gateway não podem ser lidas com a chave desta instância. Informe-as novamente.
admin-sms-not-set-up = Não configurado: nenhuma mensagem de texto é enviada
admin-sms-url = URL do gateway
admin-sms-url-hint = O Kairos envia para lá uma requisição POST por mensagem. Endereços da rede privada exigem a configuração da instância que os permite.
admin-sms-auth-header = Cabeçalho de autenticação
admin-sms-auth-header-hint = Vazio: nenhum cabeçalho é enviado.
admin-sms-header-value = Valor do cabeçalho
admin-sms-header-value-stored = Salvo criptografado. Deixe em branco para mantê-lo.
admin-sms-header-value-new = Por exemplo Bearer … ou Basic …; salvo criptografado.
admin-sms-body-format = Formato do corpo
admin-sms-body-form = Formulário (application/x-www-form-urlencoded)
admin-sms-body-format-invalid = deve ser JSON ou formulário
admin-sms-body-template = Modelo do corpo
admin-sms-body-template-hint = { $to } é o número de telefone e { $body } a mensagem. Em JSON eles viram strings entre aspas: { $json }; em um formulário, valores codificados: { $form }.
admin-sms-save = Salvar gateway
admin-sms-remove-confirm = Remover o gateway de SMS? O Kairos deixa de enviar mensagens de texto.
admin-sms-remove = Remover gateway
admin-sms-twilio = Predefinição compatível com Twilio
admin-sms-twilio-intro = Preenche o gateway para a Messages API da Twilio, ou um serviço que a imite: um corpo de formulário com To, From e Body, e autenticação Basic com o Account SID e o Auth Token.
admin-sms-account-sid = Account SID
admin-sms-auth-token = Auth Token
admin-sms-sender = Número do remetente
admin-sms-api-base = Endereço da API
admin-sms-api-base-hint = O da própria Twilio, a menos que o serviço diga outra coisa.
admin-sms-use-preset = Usar a predefinição
admin-sms-test = Enviar um SMS de teste
admin-sms-test-hint = Envia agora uma mensagem curta e mostra o que o gateway respondeu.
admin-sms-phone = Número de telefone
admin-sms-send-test = Enviar SMS de teste
admin-sms-test-taken = O gateway aceitou a mensagem de teste: HTTP { $status } em { $ms } ms.
admin-sms-it-answered = Ele respondeu:
admin-sms-test-failed = A mensagem de teste não foi enviada: { $reason }.
admin-sms-gateway-answered = O gateway respondeu:
admin-sms-set-up-first = Configure primeiro um gateway.

## Tarefas em segundo plano

admin-jobs-title = Tarefas em segundo plano
admin-jobs-intro = E-mails e outros trabalhos feitos depois de uma alteração. Uma tarefa que falha é repetida com pausas crescentes (no máximo uma hora entre elas) por { $hours ->
        [one] 1 hora
       *[other] { $hours } horas
    } a partir do vencimento; depois fica parada até você tentar de novo.
admin-jobs-intro-reminders = Um lembrete que não pôde ser enviado antes do início da reunião fica parado e informa isso.
admin-jobs-times-in = Horários em { $zone }.
admin-jobs-failing = Falhando
admin-jobs-none-failing = Nada está falhando.
admin-jobs-dead = Paradas
admin-jobs-none-dead = Nenhuma tarefa desistiu.
admin-jobs-running = Em execução
admin-jobs-none-running = Nada está em execução.
admin-jobs-waiting = Aguardando
admin-jobs-none-waiting = Nada está aguardando.
admin-jobs-retry-dead = Tentar de novo todas as tarefas paradas
admin-job-retry = Tentar agora
admin-job-number = tarefa { $id }
admin-job-lane = Fila { $lane }
admin-job-runs = Executa em { $time }
admin-job-attempts = Tentativas: { $attempts }
admin-job-attempts-of = Tentativas: { $attempts } de { $cap }
admin-job-updated = Atualizada em { $time }
admin-job-retried-until = Repetida até { $time }
admin-job-why = Motivo
admin-job-notify = Preparar os e-mails de uma alteração de agendamento
admin-job-email = Enviar um e-mail de agendamento
admin-job-workflow = Executar uma etapa de fluxo
admin-job-webhook = Entregar um webhook
admin-job-sync = Sincronizar um calendário conectado
admin-job-retention = Remover entradas de auditoria após o prazo de retenção
admin-job-workflow-step = Fluxo “{ $workflow }”: { $action ->
        [EMAIL_ATTENDEE] e-mail para o participante
        [EMAIL_HOST] e-mail para o anfitrião
        [EMAIL_ADDRESS] e-mail para um endereço
        [SMS_ATTENDEE] SMS para o participante (telefone informado)
        [SMS_NUMBER] SMS para um número
       *[WEBHOOK] chamar um webhook
    }
admin-jobs-trouble = Há tarefas em segundo plano falhando:
admin-jobs-trouble-failing = { $count } falhando ({ $kinds })
admin-jobs-trouble-dead = { $count } paradas ({ $kinds })
admin-jobs-trouble-since = A mais antiga está sendo repetida desde { $time }.
admin-jobs-trouble-check = Verifique o servidor de e-mail, o gateway de SMS ou os receptores de webhooks indicados lá: { $link }.

## Login único

admin-sso-title = Login único
admin-sso-intro = Permita que as pessoas entrem com o provedor OpenID Connect da sua organização (Keycloak, Entra ID, Okta, Authentik, …).
admin-sso-provider = Provedor de identidade
admin-sso-enabled = Oferecer login único na página de entrada
admin-sso-enabled-hint = O Kairos verifica o documento de descoberta do provedor ao salvar.
admin-sso-issuer = URL do emissor
admin-sso-issuer-hint = Exatamente como os tokens de ID do provedor o nomeiam. O Kairos só chama este host.
admin-sso-secret-stored = Há um segredo salvo (criptografado com a chave da instância). Deixe em branco para mantê-lo.
admin-sso-secret-new = Das configurações do cliente no provedor. Deixe em branco para um cliente público (só PKCE).
admin-sso-clear-secret = Remover o segredo do cliente salvo
admin-sso-button-label = Texto do botão
admin-sso-button-placeholder = Entrar com login único
admin-sso-only = Somente login único
admin-sso-only-hint = Oculta o formulário de senha e recusa a entrada com senha para todos.
admin-sso-save = Salvar login único
admin-sso-at-provider = No provedor
admin-sso-register = Crie um cliente OpenID Connect confidencial com o fluxo de código de autorização e PKCE (S256), e registre esta URI de redirecionamento:
admin-sso-matching = O Kairos pede os escopos openid, email e profile. As pessoas são associadas a contas existentes e ativas pelo endereço de e-mail, que o provedor deve marcar como verificado (email_verified). As contas não são criadas automaticamente. A verificação em duas etapas do próprio Kairos não se aplica ao login único: vale a do provedor.
admin-sso-break-glass = Acesso de emergência
admin-sso-break-glass-text = Se o provedor cair enquanto o login único exclusivo está ativo, o proprietário ainda pode entrar pelo shell do servidor: defina { $setting } em kairos.toml (ou KAIROS_ALLOW_PASSWORD_SIGN_IN=true) e reinicie; depois execute { $command } para obter um link de senha de uso único. Tanto a entrada quanto a redefinição são auditadas.
admin-sso-override = { $setting } está definido: o formulário de senha continua disponível

## Integrações

admin-integrations-title = Integrações
admin-integrations-intro = Serviços em nuvem que os anfitriões podem conectar. Cada um usa um aplicativo que sua organização registra no fornecedor.
admin-integrations-secret-stored = Há um segredo salvo (criptografado com a chave da instância) que nunca mais é exibido. Deixe em branco para mantê-lo.
admin-integrations-remove = Remover { $vendor }: os anfitriões não podem mais conectá-lo, e as contas conectadas param de sincronizar
admin-integrations-save = Salvar { $vendor }
admin-microsoft-client-id = ID do aplicativo (cliente)
admin-microsoft-tenant = ID do diretório (locatário)
admin-microsoft-tenant-hint = O ID do diretório ou o domínio da sua organização (contoso.onmicrosoft.com), para que só as contas dela possam se conectar; { $common } para qualquer conta Microsoft corporativa, de estudante ou pessoal.

admin-google-intro = Os anfitriões conectam seus calendários do Google fazendo login: os eventos deles bloqueiam os horários, e os agendamentos são gravados no calendário que escolherem. Enquanto nenhum aplicativo for configurado aqui, os anfitriões não veem o Google e o Kairos nunca o chama.
admin-google-secret-from = Do cliente OAuth que você cria no console do Google Cloud.
admin-google-at = No Google
admin-google-step-project = No console do Google Cloud, crie um projeto e ative a { $api }.
admin-google-step-consent = Configure a tela de consentimento OAuth (interna para uma organização do Workspace) com os escopos { $events } e { $readonly }.
admin-google-step-client = Crie um ID do cliente OAuth do tipo { $kind } com este URI de redirecionamento autorizado e cole acima o ID do cliente e o segredo:
admin-google-leaves = O que sai deste equipamento: os horários e títulos dos agendamentos gravados no calendário do Google de um anfitrião (com “somente o necessário” ativado, sem nomes, respostas ou observações), e as consultas aos eventos do anfitrião, que o Kairos reduz a horários ocupados.

admin-microsoft-intro = Os anfitriões conectam seus calendários do Microsoft 365 ou Outlook.com fazendo login: os eventos deles bloqueiam os horários, e os agendamentos são gravados no calendário que escolherem. Enquanto nenhum aplicativo for configurado aqui, os anfitriões não veem a Microsoft e o Kairos nunca a chama.
admin-microsoft-secret-from = O valor de um segredo do cliente que você adiciona em “Certificados e segredos” no centro de administração do Microsoft Entra.
admin-microsoft-at = Na Microsoft
admin-microsoft-step-register = No centro de administração do Microsoft Entra, abra { $registrations } e registre um novo aplicativo: contas somente deste diretório organizacional (então informe acima o ID do diretório (locatário)), ou de qualquer diretório e contas pessoais (então deixe { $common }).
admin-microsoft-step-permissions = Em { $permissions }, adicione as permissões delegadas do Microsoft Graph { $readwrite } e { $offline }.
admin-microsoft-step-secret = Em { $secrets }, adicione um segredo do cliente e cole o valor acima com o ID do aplicativo (cliente).
admin-microsoft-step-platform = Em { $authentication }, adicione a plataforma { $web } com este URI de redirecionamento:
admin-microsoft-leaves = O que sai deste equipamento: os horários e títulos dos agendamentos gravados no calendário da Microsoft de um anfitrião (com “somente o necessário” ativado, sem nomes, respostas ou observações), e as consultas aos eventos do anfitrião, que o Kairos reduz a horários ocupados.

admin-zoom-intro = Os anfitriões conectam sua conta do Zoom fazendo login, e os tipos de evento podem então acontecer no Zoom: o Kairos cria uma reunião do Zoom para cada agendamento, move-a quando o agendamento muda e a exclui quando o agendamento é cancelado. Enquanto nenhum aplicativo for configurado aqui, os anfitriões não veem o Zoom e o Kairos nunca o chama.
admin-zoom-secret-from = Do aplicativo OAuth que você cria no Zoom App Marketplace (App Credentials).
admin-zoom-at = No Zoom
admin-zoom-step-app = No Zoom App Marketplace, escolha { $menu } e crie um { $app } (gerenciado pelo usuário) ou um aplicativo OAuth.
admin-zoom-step-scopes = Adicione os escopos para criar, atualizar e excluir reuniões e ler o usuário ({ $write } e { $read }, ou seus equivalentes granulares).
admin-zoom-step-redirect = Informe esta URL de redirecionamento (também na lista de permissões OAuth) e cole acima o ID do cliente e o segredo:
admin-zoom-leaves = O que sai deste equipamento: o título, o horário e a duração de cada agendamento no Zoom, e uma linha de pauta com o identificador do agendamento. Nenhum nome de convidado, e-mail, resposta ou observação.

admin-error-has-account = já pertence a uma conta
admin-error-invited = já tem um convite pendente; revogue-o para enviar um novo

admin-smtp-error-host = deve ser um nome de host ou um endereço IP
admin-smtp-error-port = deve ser um número entre 1 e 65535
admin-smtp-error-security = deve ser none, STARTTLS ou TLS
admin-smtp-error-username = é obrigatório quando uma senha é informada

admin-sms-error-header-name = deve ser um nome de cabeçalho como Authorization ou X-Api-Key
admin-sms-error-header-for-value = é obrigatório quando um valor é informado
admin-sms-error-no-body = deve conter {"{body}"}, o texto da mensagem
admin-sms-error-no-to = deve conter {"{to}"}, o número de telefone
admin-sms-error-json = não é um JSON válido depois de preenchidos {"{to}"} e {"{body}"} (eles viram strings entre aspas: {"{\"to\": {to}, \"text\": {body}}"})
admin-sms-error-sid = deve ser o SID da conta (letras e dígitos)

admin-sso-error-required = é obrigatório para ativar o login único
admin-sso-error-only = exige o login único ativado; caso contrário, ninguém conseguiria entrar
admin-sso-error-issuer-url = deve ser uma URL como https://id.example.org/realms/clinic, não { $issuer }
admin-sso-error-issuer-query = deve ser uma URL sem consulta nem fragmento
admin-sso-error-issuer-http = deve usar https://
admin-sso-error-issuer-scheme = deve começar com https://
