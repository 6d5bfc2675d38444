cal-intro = Os eventos dos seus próprios calendários bloqueiam os horários que as pessoas podem agendar, e os novos agendamentos podem ser gravados em um deles. O Kairos sincroniza a cada poucos minutos.
cal-your-calendars = Seus calendários
cal-empty = Nenhum calendário conectado
cal-empty-text = Conecte uma conta ou adicione um feed ICS abaixo, e ninguém poderá agendar com você nos seus horários ocupados.
cal-provider-ics = Feed ICS
cal-status-reconnect = Precisa ser conectada de novo
cal-status-failing = A sincronização está falhando
cal-status-waiting = Aguardando a primeira sincronização
cal-status-synced = Sincronizada
cal-destination = Os novos agendamentos são gravados em { $calendar } ({ $address }).
cal-destination-none = Os novos agendamentos não são gravados em nenhum dos seus calendários. Escolha “{ $button }” em um dos seus calendários conectados para tê-los lá.
cal-calendar = Calendário
cal-blocks-slots = Os eventos dele bloqueiam seus horários
cal-not-checked = Não verificado quanto a conflitos
cal-read-only = Somente leitura
cal-written-here = Os novos agendamentos são gravados aqui
cal-not-destination = Não pode ser o destino: { $reason }
cal-check-conflicts = Verificar conflitos
cal-stop-writing = Parar de gravar agendamentos aqui
cal-write-here = Gravar novos agendamentos aqui
cal-error-on-or-off = deve estar ativado ou desativado
cal-no-access = O Kairos não tem mais acesso:
cal-no-access-text = Até você conectá-la de novo, os eventos dela não bloqueiam seus horários e os agendamentos não são gravados lá.
cal-connect-again = Conectar de novo
cal-last-sync-failed = A última sincronização falhou:
cal-failed-times = { $count ->
    [one] Ela falhou { $count } vez seguida.
   *[other] Ela falhou { $count } vezes seguidas.
}
cal-retry-text = O Kairos tenta de novo sozinho, esperando mais após cada falha (no máximo seis horas).
cal-last-success = Última sincronização bem-sucedida
cal-next-sync = Próxima sincronização
cal-not-yet = Ainda não
cal-not-planned = Não programada
cal-zoom-text = Videochamadas: os tipos de evento cujo local é o Zoom recebem uma reunião do Zoom nesta conta para cada agendamento, transferida e excluída junto com ele.
cal-no-calendars-listed = O servidor ainda não lista nenhum calendário para esta conta.
cal-sync-now = Sincronizar agora
cal-disconnect = Desconectar
cal-disconnect-confirm = Desconectar esta conta? O Kairos esquece o acesso e os eventos que copiou.
cal-options = Opções
cal-sync-cancellations-title = Cancelar agendamentos excluídos neste calendário
cal-sync-cancellations-text = Quando você exclui o evento de um agendamento no seu calendário, o agendamento é cancelado e o convidado avisado, 15 minutos depois que o Kairos percebe (restaure o evento antes disso para mantê-lo).
cal-sync-cancellations = Sincronizar cancelamentos
cal-live-check-title = Consultar o calendário antes de cada agendamento
cal-live-check-text = Antes de um agendamento ser feito ou transferido, o Kairos pergunta ao seu calendário de destino pelas mudanças desde a última sincronização, por no máximo 3 segundos. Se ele não responder a tempo, o agendamento é feito mesmo assim.
cal-live-check = Verificação ao vivo
cal-connect-sign-in = Conectar com um login
cal-connect-sign-in-text = Você entra no serviço e permite que o Kairos leia os horários ocupados dos seus calendários e grave seus agendamentos (com o Zoom: que crie uma reunião para cada agendamento). O Kairos guarda o acesso criptografado; você pode desconectar a qualquer momento.
cal-connect-vendor = Conectar { $vendor }
cal-not-connected = Não conectado: { $reason }.
cal-vendor-not-set-up = { $vendor } não está configurado nesta instância: fale com um administrador
cal-vendor-unknown-state = o login com { $vendor } não foi concluído aqui ou demorou demais: comece de novo
cal-vendor-access-not-allowed = { $vendor }: o acesso não foi permitido
cal-vendor-no-access-granted = { $vendor }: nenhum acesso foi concedido
cal-vendor-refused = { $vendor } recusou a solicitação: { $detail }
cal-vendor-revoked = { $vendor } não aceita mais o acesso do Kairos: conecte a conta de novo
cal-vendor-unreachable = não foi possível contatar { $vendor }: { $detail }
cal-vendor-credentials = o acesso guardado não pode ser aberto com a chave desta instância
cal-caldav-title = Conectar uma conta CalDAV
cal-caldav-text = Nextcloud, iCloud, Fastmail, Radicale, Baïkal, SOGo e outros servidores CalDAV. O Kairos lê seus eventos e pode gravar novos agendamentos em um calendário.
cal-server-address = Endereço do servidor
cal-server-address-hint = O nome do host basta: o Kairos encontra seus calendários.
cal-username = Nome de usuário
cal-app-password = Senha de app
cal-app-password-hint = Não a sua senha principal: uma senha separada que você pode revogar. O Kairos a guarda criptografada e nunca mais a mostra.
cal-app-password-help = Onde consigo uma senha de app?
cal-help-nextcloud = Configurações → Segurança → Dispositivos e sessões → Criar nova senha de aplicativo.
cal-help-icloud = account.apple.com → Início de Sessão e Segurança → Senhas de Apps. O servidor é caldav.icloud.com.
cal-help-fastmail = Configurações → Privacidade e segurança → Gerenciar senhas de app → Nova senha de app, com acesso ao CalDAV.
cal-connect-account = Conectar a conta
cal-feed-title = Adicionar um feed ICS
cal-feed-text = Um endereço de calendário somente leitura: os eventos dele bloqueiam seus horários, mas não é possível gravar agendamentos nele.
cal-feed-address = Endereço do feed
cal-feed-address-hint = Trate-o como uma senha: qualquer pessoa que o tenha pode ler o calendário. O Kairos o guarda criptografado e mostra apenas o nome do host.
cal-feed-help = Onde encontro o endereço?
cal-help-google = Configurações → seu calendário → Integrar agenda → Endereço secreto no formato iCal.
cal-help-outlook = Configurações → Calendário → Calendários compartilhados → Publicar um calendário → o link ICS.
cal-help-others-label = Outros:
cal-help-others = procure “assinar”, “publicar” ou “iCal” nas configurações de compartilhamento do calendário. Um endereço webcal:// também funciona.
cal-add-feed = Adicionar o feed
cal-sync-title = Sincronização de calendários
cal-sync-intro = Cada conta de calendário conectada nesta instância e como ela sincroniza. Só o dono vê os calendários dela.
cal-back-to-admin = Voltar à administração
cal-accounts-failing = { $count ->
    [one] { $count } conta não consegue sincronizar.
   *[other] { $count } contas não conseguem sincronizar.
}
cal-accounts-failing-text = O dono vê o motivo na página Calendários dele e pode corrigir o endereço ou a senha, ou desconectá-la.
cal-accounts = Contas
cal-empty-admin-text = Os membros conectam seus calendários em Calendários.
cal-owner = Dono
cal-provider = Provedor
cal-address = Endereço
cal-last-sync = Última sincronização
cal-failures = Falhas
cal-last-error = Último erro

cal-error-provider = deve ser caldav ou ics (o Google Agenda e o Microsoft 365 se conectam pelas páginas de login deles)
cal-error-long-line = deve ser uma única linha de no máximo 2048 caracteres
cal-error-http = deve ser um endereço http ou https
cal-error-username = é obrigatório com uma senha

cal-error-did-not-work = não funcionou: { $reason }
cal-error-no-calendars = não funcionou: o servidor não lista nenhum calendário para este usuário
cal-error-no-answer = { $seconds ->
        [one] não respondeu em { $seconds } segundo
       *[other] não respondeu em { $seconds } segundos
    }
cal-error-password-refused = foi recusada pelo servidor: confira o nome de usuário e use uma senha de app
cal-error-read-only-destination = este calendário é somente leitura: não é possível gravar agendamentos nele
cal-error-feed-read-only = um feed é somente leitura: o Kairos não grava agendamentos nele
cal-error-caldav-only = só está disponível para contas CalDAV
