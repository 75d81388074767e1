"""The windows and dialogs ``screen_check.py`` opens, each as the user opens it (``scenarios``)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def scenarios(location, out_dir: Path):
    """(name, opener) for every top-level window and dialog, in the order a committee meets them."""
    from netralitas_desktop.core.audit import Actor
    from netralitas_desktop.core.demo import create_demo_event
    from netralitas_desktop.core.participants import list_participants
    from netralitas_desktop.gui.main_window import MainWindow

    actor = Actor("Meja 1", "Rina")
    state: dict = {}

    def window():
        if "window" not in state:
            state["window"] = MainWindow(location, actor=lambda: actor)
        main = state["window"]
        main.show()
        return main

    def welcome():
        return window()

    def event_list():
        state["event_id"] = create_demo_event(actor=actor)
        main = window()
        main.show_list()
        return main

    def event_page(tab: str):
        def open_tab():
            main = window()
            page = main.event_page or main.open_event(state["event_id"])
            page.tabs.setCurrentWidget(getattr(page, tab))
            return main

        return open_tab

    def page():
        return state["window"].event_page

    def dialog(build):
        def open_dialog():
            widget = build()
            widget.show()
            return widget

        return open_dialog

    def event_dialog():
        from netralitas_desktop.gui.events.event_dialog import EventDialog

        return EventDialog(state["event_id"], actor=actor, parent=state["window"])

    def participant_dialog():
        from netralitas_desktop.gui.common.participant_dialog import ParticipantDialog

        first = list_participants(state["event_id"])[0]
        return ParticipantDialog(state["event_id"], registration_id=first.registration_id, actor=actor)

    def walk_in_dialog():
        return page().desk.open_walk_in()  # beside the desk, as its "Tanpa undangan…" button opens it

    def absence_dialog():
        from netralitas_desktop.gui.participants.absence_dialog import AbsenceDialog

        rows = list_participants(state["event_id"])[:3]
        return AbsenceDialog([(row.registration_id, row.full_name) for row in rows], actor=actor)

    def import_wizard():
        from netralitas_desktop.gui.participants.import_wizard import ImportWizard

        wizard = ImportWizard(state["event_id"], actor=actor, parent=state["window"])
        state["wizard"] = wizard
        return wizard

    def import_preview():
        wizard = state["wizard"]
        wizard.show()
        wizard.file_page.path_edit.setText(str(ROOT / "tests" / "fixtures" / "siasn_export_sukamakmur.csv"))
        wizard.next()
        return wizard

    def invitations():
        return page().open_invitations([])

    def document_settings():
        from netralitas_desktop.gui.documents.settings_dialog import DocumentSettingsDialog

        return DocumentSettingsDialog(state["event_id"], state["window"], actor=lambda: actor)

    def designer():
        from netralitas_desktop.gui.certificates.designer import CertificateDesigner

        return CertificateDesigner(state["event_id"], state["window"])

    def designer_with_a_field():
        designer = dialog(lambda: state.setdefault("designer", designer_build()))()
        designer.canvas.select("text")  # a text field: the most settings (font, size, colour, alignment)
        return designer

    def designer_build():
        from netralitas_desktop.gui.certificates.designer import CertificateDesigner

        return CertificateDesigner(state["event_id"], state["window"])

    def online_import_with_a_report():
        online = dialog(online_import)()
        online.load_file(ROOT / "tests" / "fixtures" / "laporan_peserta_daring.csv")
        return online

    def verify():
        from netralitas_desktop.gui.certificates.verify_dialog import VerifyDialog

        return VerifyDialog(state["window"])

    def revoke():
        from netralitas_desktop.gui.certificates.dialogs import RevokeDialog

        return RevokeDialog(lambda: actor, state["window"])

    def certificate_preview():
        from PySide6.QtGui import QColor, QImage

        from netralitas_desktop.gui.certificates.dialogs import PreviewDialog

        images = []
        for _ in range(3):
            image = QImage(1123, 794, QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            images.append(image)
        return PreviewDialog(images, state["window"])

    def certificate_print():
        from netralitas_desktop.gui.certificates.print_offsets import CertificatePrintDialog

        pdf = out_dir / "sertifikat.pdf"
        if not pdf.exists():
            _write_certificates(state["event_id"], pdf)
        return CertificatePrintDialog(pdf, state["window"])

    def audit_log():
        from netralitas_desktop.gui.admin.audit_viewer import AuditViewer

        return AuditViewer(state["window"], event_id=state["event_id"])

    def connection():
        from netralitas_desktop.gui.admin.connection_dialog import ConnectionDialog

        return ConnectionDialog(state["window"])

    def backups():
        from netralitas_desktop.gui.admin.backup_dialog import BackupDialog

        return BackupDialog(location, state["window"])

    def packages():
        from netralitas_desktop.gui.admin.package_dialog import PackageDialog

        return PackageDialog(state["window"], event_id=state["event_id"])

    def purge():
        from netralitas_desktop.gui.admin.purge_dialog import PurgeDialog

        return PurgeDialog(state["event_id"], state["window"])

    def settings():
        from netralitas_desktop.gui.admin.settings_dialog import SettingsDialog

        return SettingsDialog(state["window"])

    def online_import():
        from netralitas_desktop.gui.dashboard.online_import_dialog import OnlineImportDialog

        return OnlineImportDialog(state["event_id"], actor, state["window"])

    def desk_identity():
        from netralitas_desktop.gui.desk.dialogs import DeskIdentityDialog

        return DeskIdentityDialog(actor, state["window"])

    def signature():
        from netralitas_desktop.gui.common.signature_pad import SignatureDialog

        return SignatureDialog("Drs. H. Muhammad Abdurrahman Syahputra Wicaksono, S.H., M.H.", state["window"])

    def participant_picker():
        from netralitas_desktop.gui.common.participant_picker import ParticipantPicker

        return ParticipantPicker(
            state["event_id"], "Pilih peserta untuk nama di laporan rapat daring", "", state["window"]
        )

    def about():
        return state["window"].about_box()

    def campaigns(tab: int):
        def open_page():
            from netralitas_desktop.core.campaigns.service import (
                CampaignData,
                add_event,
                create_campaign,
                list_campaigns,
            )

            if not list_campaigns():
                import datetime as dt

                data = CampaignData("Ikrar Netralitas ASN Pilkada Sukamakmur", dt.date.today() + dt.timedelta(days=30))
                add_event(create_campaign(data, actor=actor), state["event_id"], actor=actor)
            main = window()
            page = main.show_campaigns()
            page.reload_campaigns()
            page.tabs.setCurrentIndex(tab)
            return main

        return open_page

    def campaign_dialog():
        from netralitas_desktop.gui.campaigns.dialogs import CampaignDialog

        return CampaignDialog(parent=state["window"])

    def excuse_dialog():
        from netralitas_desktop.gui.campaigns.dialogs import ExcuseDialog

        return ExcuseDialog(3, state["window"])

    def master_import():
        from netralitas_desktop.gui.campaigns.master_import import MasterImportDialog

        return MasterImportDialog(lambda: actor, state["window"])

    def passphrase():
        from netralitas_desktop.gui.certificates.dialogs import PassphraseDialog

        text = "Kata sandi berkas kunci penanda tangan sertifikat instansi ini."
        return PassphraseDialog("Kata sandi kunci", text, new=True, parent=state["window"])

    def kiosk():
        window()
        page().open_desk(kiosk=True)
        return page().desk.kiosk

    def desk_with_signatures():
        """From here on the event asks for signatures: the desk's fuller layout (pad, queue, tabs)."""
        from netralitas_desktop.core.events import get_event, update_event

        data = get_event(state["event_id"])
        data.signature_required = True
        update_event(data)
        main = event_page("desk")()
        page().desk.sync_event()
        return main

    def signature_screen():
        window()
        return page().desk.open_signature_window()

    return [
        ("01_sambutan", welcome),
        ("02_daftar_kegiatan", event_list),
        ("03_tab_peserta", event_page("participants")),
        ("04_tab_meja", event_page("desk")),
        ("04b_tab_meja_tanda_tangan", desk_with_signatures),
        ("05_tab_ringkasan", event_page("dashboard")),
        ("06_tab_dokumen", event_page("documents")),
        ("07_tab_ikrar_mandiri", event_page("ikrar_mandiri")),
        ("08_tab_sertifikat", event_page("certificates")),
        ("09_tab_laporan", event_page("reports")),
        ("10_kegiatan", dialog(event_dialog)),
        ("11_peserta", dialog(participant_dialog)),
        ("12_tanpa_undangan", dialog(walk_in_dialog)),
        ("13_tidak_hadir", dialog(absence_dialog)),
        ("14_impor_berkas", dialog(import_wizard)),
        ("15_impor_pratinjau", import_preview),
        ("16_undangan", invitations),
        ("17_pengaturan_dokumen", dialog(document_settings)),
        ("18_desain_sertifikat", dialog(designer)),
        ("18b_desain_sertifikat_kolom", designer_with_a_field),
        ("19_periksa_sertifikat", dialog(verify)),
        ("20_cabut_sertifikat", dialog(revoke)),
        ("21_pratinjau_sertifikat", dialog(certificate_preview)),
        ("22_cetak_sertifikat", dialog(certificate_print)),
        ("23_log_audit", dialog(audit_log)),
        ("24_server", dialog(connection)),
        ("25_cadangan", dialog(backups)),
        ("26_meja_offline", dialog(packages)),
        ("27_hapus_data_pribadi", dialog(purge)),
        ("28_pengaturan", dialog(settings)),
        ("29_kehadiran_daring", dialog(online_import)),
        ("29b_kehadiran_daring_laporan", online_import_with_a_report),
        ("30_identitas_meja", dialog(desk_identity)),
        ("31_tanda_tangan", dialog(signature)),
        ("32_pilih_peserta", dialog(participant_picker)),
        ("33_tentang", dialog(about)),
        ("34_kios", kiosk),
        ("34b_layar_tanda_tangan", signature_screen),
        ("35_kampanye_cakupan", campaigns(0)),
        ("36_kampanye_kegiatan", campaigns(1)),
        ("37_kampanye_baru", dialog(campaign_dialog)),
        ("38_kecualikan", dialog(excuse_dialog)),
        ("39_daftar_induk", dialog(master_import)),
        ("40_kata_sandi_kunci", dialog(passphrase)),
    ]


def _write_certificates(event_id: int, pdf: Path) -> None:
    """A real certificate PDF for the print dialog: three people present, three certificates."""
    from netralitas_desktop.core.audit import Actor
    from netralitas_desktop.core.certificates.bulk import CertificatesJob
    from netralitas_desktop.core.checkin import check_in_registration
    from netralitas_desktop.core.participants import list_participants

    actor = Actor("Meja 1", "Rina")
    for row in list_participants(event_id)[:3]:
        check_in_registration(row.registration_id, actor=actor)
    CertificatesJob(event_id, pdf, actor=actor).run()
