<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="id_ID">
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Alasan tidak hadir</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <source> dan {0} lainnya</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <source>mis. Rapat di provinsi; surat izin menyusul</source>
        <translation>e.g. Meeting at the province; letter of leave to follow</translation>
    </message>
    <message>
        <source>Peserta:</source>
        <translation>Participant:</translation>
    </message>
    <message>
        <source>{0} peserta:</source>
        <translation>{0} participants:</translation>
    </message>
    <message>
        <source>Alasan:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Keterangan:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Hapus alasan</source>
        <translation>Clear reason</translation>
    </message>
    <message>
        <source>Kembalikan status menjadi Tidak Hadir (tanpa keterangan)</source>
        <translation>Set the status back to Absent (no reason)</translation>
    </message>
    <message>
        <source>Pilih alasannya: Izin, Sakit atau Dinas Luar.</source>
        <translation>Choose the reason: Excused, Sick or Official duty.</translation>
    </message>
    <message>
        <source>Sebagian tidak dicatat</source>
        <translation>Some were not recorded</translation>
    </message>
    <message>
        <source>{0} peserta dicatat {1}. Yang tidak dapat dicatat:
{2}</source>
        <translation>{0} participants recorded as {1}. Could not be recorded:
{2}</translation>
    </message>
</context>
<context>
    <name>Aplikasi</name>
    <message>
        <source>Basis data tidak dapat dibuka</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>Tidak dapat membuka basis data {0}: berkas rusak ({1}) dan tidak ada cadangan yang baik di folder {2}. Simpan salinan berkas itu untuk diperiksa, lalu pilih berkas lain dengan --db atau mulai dengan berkas baru.</source>
        <translation>Cannot open database {0}: the file is damaged ({1}) and there is no good backup in folder {2}. Keep a copy of that file for inspection, then choose another file with --db or start with a new file.</translation>
    </message>
    <message>
        <source>Cadangan otomatis dibuat: {0}</source>
        <translation>Automatic backup made: {0}</translation>
    </message>
    <message>
        <source>Cadangan otomatis gagal: {0}</source>
        <translation>Automatic backup failed: {0}</translation>
    </message>
    <message>
        <source>Terjadi kesalahan</source>
        <translation>An error occurred</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga; data yang sudah disimpan tetap aman. Jika terulang, hubungi pengelola aplikasi. Keterangan: {0}</source>
        <translation>An unexpected error occurred; data already saved is safe. If it happens again, contact the person who looks after the app. Details: {0}</translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <source>Mengimpor</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>Semua baris disimpan sekaligus; jika dibatalkan, tidak ada yang berubah.</source>
        <translation>All rows are saved at once; if you cancel, nothing changes.</translation>
    </message>
    <message>
        <source>Menyimpan {0} baris…</source>
        <translation>Saving {0} rows…</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Impor selesai.</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <source>Impor dibatalkan; tidak ada data yang diubah.</source>
        <translation>Import cancelled; no data was changed.</translation>
    </message>
    <message>
        <source>Impor gagal; tidak ada data yang diubah. {0}</source>
        <translation>Import failed; no data was changed. {0}</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Cari petugas, meja, rincian…</source>
        <translation>Search operator, desk, details…</translation>
    </message>
    <message>
        <source>Sejak</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Aksi</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Pilih satu entri untuk melihat rinciannya.</source>
        <translation>Select an entry to see its details.</translation>
    </message>
    <message>
        <source>‹ Sebelumnya</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <source>Berikutnya ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Ekspor CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Semua kegiatan</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>Semua aksi</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Semua meja</source>
        <translation>All desks</translation>
    </message>
    <message>
        <source>Halaman {0} dari {1} · {2} entri</source>
        <translation>Page {0} of {1} · {2} entries</translation>
    </message>
    <message>
        <source>Simpan log audit</source>
        <translation>Save audit log</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Mengekspor log audit…</source>
        <translation>Exporting the audit log…</translation>
    </message>
    <message>
        <source>{0} entri tersimpan di {1}.</source>
        <translation>{0} entries saved to {1}.</translation>
    </message>
    <message>
        <source>Log audit tidak dapat diekspor: {0}</source>
        <translation>The audit log could not be exported: {0}</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan; tidak ada berkas yang ditulis.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>{0} (nomor {1})</source>
        <translation>{0} (no. {1})</translation>
    </message>
    <message>
        <source>Waktu: {0}</source>
        <translation>Time: {0}</translation>
    </message>
    <message>
        <source>Kegiatan: {0}</source>
        <translation>Event: {0}</translation>
    </message>
    <message>
        <source>Aksi: {0} ({1})</source>
        <translation>Action: {0} ({1})</translation>
    </message>
    <message>
        <source>Meja: {0}</source>
        <translation>Desk: {0}</translation>
    </message>
    <message>
        <source>Petugas: {0}</source>
        <translation>Operator: {0}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Cadangan &amp; pemulihan</source>
        <translation>Backup &amp; restore</translation>
    </message>
    <message>
        <source>Salinan berkas basis data disimpan di folder {0}. Cadangan otomatis dibuat saat aplikasi dibuka dan sebelum pembaruan skema.</source>
        <translation>Copies of the database file are kept in the folder {0}. An automatic backup is made when the app opens and before a schema update.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Simpan pengaturan</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>cadangan terbaru; cadangan otomatis paling sering tiap</source>
        <translation>latest backups; automatic backup at most every</translation>
    </message>
    <message>
        <source>jam</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>Buat cadangan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Periksa basis data</source>
        <translation>Check database</translation>
    </message>
    <message>
        <source>Pulihkan cadangan terpilih…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>Pulihkan dari berkas lain…</source>
        <translation>Restore from another file…</translation>
    </message>
    <message>
        <source>Pengaturan disimpan: {0} cadangan terbaru, otomatis paling sering tiap {1:g} jam.</source>
        <translation>Settings saved: {0} latest backups, automatic at most every {1:g} hours.</translation>
    </message>
    <message>
        <source>Membuat cadangan…</source>
        <translation>Making a backup…</translation>
    </message>
    <message>
        <source>Cadangan dibuat: {0}</source>
        <translation>Backup made: {0}</translation>
    </message>
    <message>
        <source>Memeriksa keutuhan basis data…</source>
        <translation>Checking the database integrity…</translation>
    </message>
    <message>
        <source>Basis data utuh (PRAGMA quick_check: ok).</source>
        <translation>The database is sound (PRAGMA quick_check: ok).</translation>
    </message>
    <message>
        <source>Cadangan baik terakhir: {0}.</source>
        <translation>Latest good backup: {0}.</translation>
    </message>
    <message>
        <source>Tidak ada cadangan yang baik.</source>
        <translation>There is no good backup.</translation>
    </message>
    <message>
        <source>Basis data rusak: {0}. {1}</source>
        <translation>The database is damaged: {0}. {1}</translation>
    </message>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Basis data SQLite (*.db *.sqlite3);;Semua berkas (*)</source>
        <translation>SQLite database (*.db *.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Ganti isi basis data dengan cadangan {0}? Yang dicatat sesudah cadangan itu dibuat tidak ada di dalamnya. Berkas yang sekarang disimpan dulu di folder cadangan, dan kehadiran yang lebih baru ditawarkan untuk dibawa dari sana.</source>
        <translation>Replace the database with backup {0}? What was recorded after that backup was made is not in it. The current file is saved in the backup folder first, and the newer check-ins are offered to be carried over from it.</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Memulihkan dari {0}…</source>
        <translation>Restoring from {0}…</translation>
    </message>
    <message>
        <source> Berkas sebelumnya disimpan sebagai {0}.</source>
        <translation> The previous file was saved as {0}.</translation>
    </message>
    <message>
        <source>Dipulihkan dari {0}.{1} {2} kehadiran yang lebih baru ikut dibawa.</source>
        <translation>Restored from {0}.{1} {2} newer check-ins were carried over.</translation>
    </message>
    <message>
        <source>Dipulihkan dari {0}.{1}</source>
        <translation>Restored from {0}.{1}</translation>
    </message>
</context>
<context>
    <name>Cadangan</name>
    <message>
        <source>Basis data rusak</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>Berkas basis data {0} rusak dan tidak aman dipakai ({1}).

Cadangan baik terakhir dibuat {2} ({3}). Bila dipulihkan, yang dicatat sesudah waktu itu tidak ada di dalamnya; berkas yang rusak disimpan di folder cadangan untuk diperiksa.</source>
        <translation>Database file {0} is damaged and not safe to use ({1}).

The last good backup was made {2} ({3}). If it is restored, anything recorded after that time is not in it; the damaged file is kept in the backup folder for inspection.</translation>
    </message>
    <message>
        <source>Pulihkan cadangan terakhir</source>
        <translation>Restore the latest backup</translation>
    </message>
    <message>
        <source>Pilih cadangan lain…</source>
        <translation>Choose another backup…</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Basis data SQLite (*.db *.sqlite3);;Semua berkas (*)</source>
        <translation>SQLite database (*.db *.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>Pemulihan gagal</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source> Berkas yang rusak disimpan sebagai {0}.</source>
        <translation> The damaged file was kept as {0}.</translation>
    </message>
    <message>
        <source>Basis data dipulihkan</source>
        <translation>Database restored</translation>
    </message>
    <message>
        <source>Basis data dipulihkan dari {0}.{1}</source>
        <translation>Database restored from {0}.{1}</translation>
    </message>
    <message>
        <source>
… dan {0} lainnya.</source>
        <translation>
… and {0} more.</translation>
    </message>
    <message>
        <source>

Sebagian salinan rusak; yang terbaca saja yang dapat dibawa.</source>
        <translation>

Part of the copy is damaged; only what could be read can be carried over.</translation>
    </message>
    <message>
        <source>Kehadiran yang lebih baru</source>
        <translation>Newer check-ins</translation>
    </message>
    <message>
        <source>{0} kehadiran tercatat sesudah cadangan itu dibuat dan tidak ada di basis data yang dipulihkan. Kehadiran itu masih ada di salinan {1}. Bawa ke basis data sekarang?

{2}{3}{4}</source>
        <translation>{0} check-ins were recorded after that backup was made and are not in the restored database. They are still in the copy {1}. Carry them over to the database now?

{2}{3}{4}</translation>
    </message>
    <message>
        <source>Bawa kehadiran</source>
        <translation>Carry over check-ins</translation>
    </message>
    <message>
        <source>Jangan bawa</source>
        <translation>Don&apos;t carry over</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Tidak ada kamera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Menyalakan kamera…</source>
        <translation>Starting the camera…</translation>
    </message>
    <message>
        <source>Kamera mati. Tekan Mulai untuk memindai kode QR dengan kamera.</source>
        <translation>Camera off. Press Start to scan QR codes with the camera.</translation>
    </message>
    <message>
        <source>Kamera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Tidak ada kamera yang terpasang. Pakai pemindai QR USB atau ketik NIP/NIK.</source>
        <translation>No camera is connected. Use a USB QR scanner or type the NIP/NIK.</translation>
    </message>
    <message>
        <source>Kamera tidak bisa dipakai di komputer ini (modul multimedia Qt tidak tersedia). Pakai pemindai QR USB atau ketik NIP/NIK.</source>
        <translation>The camera cannot be used on this computer (Qt multimedia module not available). Use a USB QR scanner or type the NIP/NIK.</translation>
    </message>
    <message>
        <source>Kamera dilepas. Pilih kamera lain lalu tekan Mulai.</source>
        <translation>Camera unplugged. Choose another camera and press Start.</translation>
    </message>
    <message>
        <source>Kamera mati</source>
        <translation>Camera off</translation>
    </message>
    <message>
        <source>Arahkan kode QR undangan ke kamera.</source>
        <translation>Hold the invitation QR code up to the camera.</translation>
    </message>
    <message>
        <source>Kamera tidak bisa dibuka. Mungkin sedang dipakai aplikasi lain (misalnya Zoom); tutup aplikasi itu lalu tekan Mulai lagi.</source>
        <translation>The camera could not be opened. Another app (such as Zoom) may be using it; close that app and press Start again.</translation>
    </message>
    <message>
        <source>Satu gambar kamera tidak terbaca; pemindaian berjalan terus.</source>
        <translation>One camera frame could not be read; scanning goes on.</translation>
    </message>
</context>
<context>
    <name>CampaignActions</name>
    <message>
        <source>Menutup kekurangan dan laporan untuk Sekda</source>
        <translation>Closing the gap and reports for the Sekda</translation>
    </message>
    <message>
        <source>Ekspor XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Ringkasan PDF…</source>
        <translation>PDF summary…</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pindai QR formulir ikrar mandiri yang kembali, lalu Enter</source>
        <translation>Scan the QR code of a returned ikrar mandiri form, then Enter</translation>
    </message>
    <message>
        <source>Formulir ikrar mandiri dari kegiatan mana pun dalam kampanye ini.</source>
        <translation>Ikrar mandiri forms from any event of this campaign.</translation>
    </message>
    <message>
        <source>Formulir ikrar mandiri semua OPD…</source>
        <translation>Ikrar mandiri forms, every OPD…</translation>
    </message>
    <message>
        <source>Formulir ikrar mandiri {0}…</source>
        <translation>Ikrar mandiri forms, {0}…</translation>
    </message>
    <message>
        <source>Folder untuk formulir (satu PDF per OPD)</source>
        <translation>Folder for the forms (one PDF per OPD)</translation>
    </message>
    <message>
        <source>Ikrar mandiri per OPD</source>
        <translation>Ikrar mandiri per OPD</translation>
    </message>
    <message>
        <source>Simpan formulir ikrar mandiri</source>
        <translation>Save ikrar mandiri forms</translation>
    </message>
    <message>
        <source>Ikrar mandiri - {0}</source>
        <translation>Ikrar mandiri - {0}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Membuat formulir ikrar mandiri…</source>
        <translation>Making ikrar mandiri forms…</translation>
    </message>
    <message>
        <source>Simpan rekap cakupan ikrar</source>
        <translation>Save pledge coverage summary</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Mengekspor rekap cakupan…</source>
        <translation>Exporting the coverage summary…</translation>
    </message>
    <message>
        <source>Simpan ringkasan cakupan ikrar</source>
        <translation>Save pledge coverage overview</translation>
    </message>
    <message>
        <source>Membuat ringkasan PDF…</source>
        <translation>Making the PDF summary…</translation>
    </message>
    <message>
        <source>{0} formulir untuk {1} OPD tersimpan di {2}. Formulir yang kembali dipindai di sini.</source>
        <translation>{0} forms for {1} OPD(s) saved in {2}. Scan returned forms here.</translation>
    </message>
    <message>
        <source>Tersimpan di {0}</source>
        <translation>Saved in {0}</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada berkas yang ditulis.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Ubah kampanye</source>
        <translation>Edit campaign</translation>
    </message>
    <message>
        <source>Kampanye baru</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>misalnya Netralitas ASN Pilkada 2024</source>
        <translation>e.g. Netralitas ASN Pilkada 2024</translation>
    </message>
    <message>
        <source>Nama kampanye</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <source>Batas waktu ikrar</source>
        <translation>Pledge deadline</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Kampanye mengelompokkan kegiatan: seseorang dihitung sudah berikrar bila berikrar di salah satu kegiatannya (hadir, menandatangani di meja, daring di atas batas menit, atau ikrar mandiri).</source>
        <translation>A campaign groups events: a person has pledged when they pledged at any of its events (present, signed at the desk, online above the minimum minutes, or ikrar mandiri).</translation>
    </message>
</context>
<context>
    <name>CampaignLabels</name>
    <message>
        <source>TTD di meja registrasi</source>
        <translation>Signed at the desk</translation>
    </message>
    <message>
        <source>Ikrar bersama (hadir)</source>
        <translation>Joint pledge (present)</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Ikrar mandiri</source>
        <translation>Ikrar mandiri</translation>
    </message>
    <message>
        <source>Sudah ikrar</source>
        <translation>Pledged</translation>
    </message>
    <message>
        <source>Dikecualikan</source>
        <translation>Excused</translation>
    </message>
    <message>
        <source>Belum ikrar</source>
        <translation>Not yet pledged</translation>
    </message>
    <message>
        <source>Cuti</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Sakit berkepanjangan</source>
        <translation>Long-term illness</translation>
    </message>
    <message>
        <source>Tugas belajar</source>
        <translation>Study leave</translation>
    </message>
    <message>
        <source>Penugasan di luar instansi</source>
        <translation>Assigned outside the agency</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>baru</source>
        <translation>new</translation>
    </message>
    <message>
        <source>diperbarui</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>pindah OPD</source>
        <translation>moved OPD</translation>
    </message>
    <message>
        <source>kembali aktif</source>
        <translation>active again</translation>
    </message>
    <message>
        <source>tetap</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>keluar</source>
        <translation>left</translation>
    </message>
    <message>
        <source>ditolak</source>
        <translation>rejected</translation>
    </message>
</context>
<context>
    <name>CampaignPage</name>
    <message>
        <source>← Semua kegiatan</source>
        <translation>← All events</translation>
    </message>
    <message>
        <source>Kampanye baru…</source>
        <translation>New campaign…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Hapus…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Kampanye:</source>
        <translation>Campaign:</translation>
    </message>
    <message>
        <source>Cakupan ikrar</source>
        <translation>Pledge coverage</translation>
    </message>
    <message>
        <source>Kegiatan dan daftar induk</source>
        <translation>Events and master roster</translation>
    </message>
    <message>
        <source>(belum ada kampanye — buat dengan Kampanye baru…)</source>
        <translation>(no campaign yet — create one with New campaign…)</translation>
    </message>
    <message>
        <source>Kampanye</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Kampanye belum tersimpan</source>
        <translation>Campaign not saved</translation>
    </message>
    <message>
        <source>Hapus kampanye</source>
        <translation>Delete campaign</translation>
    </message>
    <message>
        <source>Hapus kampanye “{0}”? Pengecualian dan rekapnya ikut terhapus; kegiatan dan daftar induk pegawai tetap ada.</source>
        <translation>Delete campaign “{0}”? Its excuses and summaries go with it; the events and the master roster stay.</translation>
    </message>
</context>
<context>
    <name>CertificateDesigner</name>
    <message>
        <source>Templat sertifikat (*.json)</source>
        <translation>Certificate template (*.json)</translation>
    </message>
    <message>
        <source>Desain sertifikat</source>
        <translation>Certificate design</translation>
    </message>
    <message>
        <source>Lanskap</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>Potret</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Bingkai bawaan</source>
        <translation>Built-in frame</translation>
    </message>
    <message>
        <source>Gambar latar…</source>
        <translation>Background image…</translation>
    </message>
    <message>
        <source>Gambar PNG/JPEG atau halaman pertama PDF, mis. bingkai dari desainer.</source>
        <translation>A PNG/JPEG image or the first page of a PDF, e.g. a frame from a designer.</translation>
    </message>
    <message>
        <source>Tanpa latar</source>
        <translation>No background</translation>
    </message>
    <message>
        <source>Contoh peserta </source>
        <translation>Sample participant </translation>
    </message>
    <message>
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Tambah kolom</source>
        <translation>Add field</translation>
    </message>
    <message>
        <source>Hapus kolom terpilih</source>
        <translation>Delete selected field</translation>
    </message>
    <message>
        <source>Ekspor templat…</source>
        <translation>Export template…</translation>
    </message>
    <message>
        <source>Impor templat…</source>
        <translation>Import template…</translation>
    </message>
    <message>
        <source>Desain bawaan</source>
        <translation>Default design</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>(latar tersimpan)</source>
        <translation>(saved background)</translation>
    </message>
    <message>
        <source>tanpa gambar latar</source>
        <translation>no background image</translation>
    </message>
    <message>
        <source>Teks bebas</source>
        <translation>Free text</translation>
    </message>
    <message>
        <source>Teks baru</source>
        <translation>New text</translation>
    </message>
    <message>
        <source>Pilih gambar latar sertifikat</source>
        <translation>Choose a certificate background image</translation>
    </message>
    <message>
        <source>Gambar atau PDF (*.png *.jpg *.jpeg *.pdf)</source>
        <translation>Image or PDF (*.png *.jpg *.jpeg *.pdf)</translation>
    </message>
    <message>
        <source>Gambar latar</source>
        <translation>Background image</translation>
    </message>
    <message>
        <source>Ganti semua kolom dengan desain bawaan?</source>
        <translation>Replace all fields with the default design?</translation>
    </message>
    <message>
        <source>Ganti</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Memperbarui pratinjau…</source>
        <translation>Updating the preview…</translation>
    </message>
    <message>
        <source>Pratinjau dari PDF yang sebenarnya</source>
        <translation>Preview of the actual PDF</translation>
    </message>
    <message>
        <source>Pratinjau gagal: {0}</source>
        <translation>Preview failed: {0}</translation>
    </message>
    <message>
        <source>Desain belum bisa disimpan</source>
        <translation>The design cannot be saved yet</translation>
    </message>
    <message>
        <source>Desain tersimpan.</source>
        <translation>Design saved.</translation>
    </message>
    <message>
        <source>Ekspor templat sertifikat</source>
        <translation>Export certificate template</translation>
    </message>
    <message>
        <source>Ekspor templat</source>
        <translation>Export template</translation>
    </message>
    <message>
        <source>Templat diekspor ke {0}</source>
        <translation>Template exported to {0}</translation>
    </message>
    <message>
        <source>Impor templat sertifikat</source>
        <translation>Import certificate template</translation>
    </message>
    <message>
        <source>Impor templat</source>
        <translation>Import template</translation>
    </message>
    <message>
        <source>Perubahan yang belum disimpan akan diganti oleh templat. Lanjutkan?</source>
        <translation>Unsaved changes will be replaced by the template. Continue?</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Perubahan desain belum disimpan. Tutup tanpa menyimpan?</source>
        <translation>The design changes are not saved. Close without saving?</translation>
    </message>
    <message>
        <source>Tutup tanpa menyimpan</source>
        <translation>Close without saving</translation>
    </message>
</context>
<context>
    <name>CertificateKeyBox</name>
    <message>
        <source>ada di komputer ini (brankas kata sandi sistem)</source>
        <translation>on this computer (the system password store)</translation>
    </message>
    <message>
        <source>ada di komputer ini (berkas berkata sandi)</source>
        <translation>on this computer (a passphrase-protected file)</translation>
    </message>
    <message>
        <source>Kunci tanda tangan sertifikat baru</source>
        <translation>New certificate signing key</translation>
    </message>
    <message>
        <source>Basis data ini belum punya kunci tanda tangan sertifikat: kunci dibuat sekarang dan hanya disimpan di komputer ini, yang menjadi komputer penerbit sertifikat. Brankas kata sandi sistem tidak tersedia, jadi kunci dilindungi kata sandi. Catat kata sandinya dan buat cadangan kunci.</source>
        <translation>This database has no certificate signing key yet: it is made now and kept only on this computer, which becomes the computer that issues certificates. The system password store is not available, so the key is protected by a passphrase. Write the passphrase down and back the key up.</translation>
    </message>
    <message>
        <source>Kunci tanda tangan</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Buka kunci tanda tangan</source>
        <translation>Unlock the signing key</translation>
    </message>
    <message>
        <source>Kata sandi kunci tanda tangan sertifikat (sidik {0}):</source>
        <translation>Passphrase of the certificate signing key (fingerprint {0}):</translation>
    </message>
    <message>
        <source>Situs verifikasi dan kunci tanda tangan</source>
        <translation>Verification site and signing key</translation>
    </message>
    <message>
        <source>mis. https://bkpsdm.contoh.go.id/sertifikat/</source>
        <translation>e.g. https://bkpsdm.contoh.go.id/sertifikat/</translation>
    </message>
    <message>
        <source>Simpan alamat</source>
        <translation>Save address</translation>
    </message>
    <message>
        <source>Kode QR sertifikat membuka alamat ini; pemeriksaan berjalan di ponsel pembaca, tanpa server. Tanpa alamat, kode QR hanya bisa diperiksa dengan aplikasi ini.</source>
        <translation>The certificate QR code opens this address; the check runs on the reader&apos;s phone, with no server. Without an address, the QR code can only be checked with this application.</translation>
    </message>
    <message>
        <source>Buat situs verifikasi…</source>
        <translation>Make verification site…</translation>
    </message>
    <message>
        <source>Cadangkan kunci…</source>
        <translation>Back up key…</translation>
    </message>
    <message>
        <source>Pulihkan kunci…</source>
        <translation>Restore key…</translation>
    </message>
    <message>
        <source>Ganti kunci…</source>
        <translation>Replace key…</translation>
    </message>
    <message>
        <source>Alamat situs verifikasi</source>
        <translation>Verification site address</translation>
    </message>
    <message>
        <source>Kunci tanda tangan: belum ada (dibuat di komputer ini saat sertifikat pertama dibuat).</source>
        <translation>Signing key: none yet (made on this computer with the first certificate).</translation>
    </message>
    <message>
        <source>TIDAK ada di komputer ini</source>
        <translation>NOT on this computer</translation>
    </message>
    <message>
        <source>Kunci tanda tangan {0}: {1}.</source>
        <translation>Signing key {0}: {1}.</translation>
    </message>
    <message>
        <source>Kunci lama yang tetap diakui: {0}.</source>
        <translation>Old keys still recognised: {0}.</translation>
    </message>
    <message>
        <source>Folder untuk berkas situs verifikasi</source>
        <translation>Folder for the verification site files</translation>
    </message>
    <message>
        <source>Situs verifikasi</source>
        <translation>Verification site</translation>
    </message>
    <message>
        <source>Berkas situs verifikasi tersimpan di {0}. Unggah seluruh isi folder itu ke {1}.
Sidik kunci instansi: {2}. Perbarui situs setiap kali ada sertifikat yang dicabut.</source>
        <translation>The verification site files are saved in {0}. Upload the whole folder to {1}.
Agency key fingerprint: {2}. Update the site whenever a certificate is revoked.</translation>
    </message>
    <message>
        <source>(alamat belum diisi)</source>
        <translation>(no address yet)</translation>
    </message>
    <message>
        <source>Simpan cadangan kunci</source>
        <translation>Save key backup</translation>
    </message>
    <message>
        <source>Cadangan kunci</source>
        <translation>Key backup</translation>
    </message>
    <message>
        <source>Kata sandi untuk berkas cadangan (simpan terpisah dari berkasnya):</source>
        <translation>Passphrase for the backup file (keep it apart from the file):</translation>
    </message>
    <message>
        <source>Cadangan kunci {0} tersimpan di {1}.</source>
        <translation>Backup of key {0} saved in {1}.</translation>
    </message>
    <message>
        <source>Pilih cadangan kunci</source>
        <translation>Choose a key backup</translation>
    </message>
    <message>
        <source>Pulihkan kunci</source>
        <translation>Restore key</translation>
    </message>
    <message>
        <source>Kata sandi berkas cadangan:</source>
        <translation>Backup file passphrase:</translation>
    </message>
    <message>
        <source>Kunci {0} dipulihkan ke komputer ini.</source>
        <translation>Key {0} restored to this computer.</translation>
    </message>
    <message>
        <source>Ganti kunci tanda tangan</source>
        <translation>Replace signing key</translation>
    </message>
    <message>
        <source>Buat kunci baru di komputer ini dan pensiunkan kunci sekarang? Lakukan bila kunci hilang (tanpa cadangan) atau bocor. Sertifikat lama tetap dapat diperiksa. Perbarui situs verifikasi setelahnya.</source>
        <translation>Make a new key on this computer and retire the current one? Do this when the key is lost (without a backup) or leaked. Old certificates can still be checked. Update the verification site afterwards.</translation>
    </message>
    <message>
        <source>Ganti kunci</source>
        <translation>Replace key</translation>
    </message>
    <message>
        <source>Kunci baru</source>
        <translation>New key</translation>
    </message>
    <message>
        <source>Kata sandi untuk kunci baru:</source>
        <translation>Passphrase for the new key:</translation>
    </message>
    <message>
        <source>Kunci baru {0} dibuat; buat cadangannya.</source>
        <translation>New key {0} made; back it up.</translation>
    </message>
</context>
<context>
    <name>CertificateOutputBox</name>
    <message>
        <source>Buat sertifikat</source>
        <translation>Make certificates</translation>
    </message>
    <message>
        <source>Satu PDF gabungan (untuk dicetak)</source>
        <translation>One combined PDF (for printing)</translation>
    </message>
    <message>
        <source>Satu berkas per peserta (NIP_Nama.pdf, untuk dikirim)</source>
        <translation>One file per participant (NIP_Name.pdf, for sending)</translation>
    </message>
    <message>
        <source>Tandatangani secara digital (PAdES) dengan berkas sertifikat .p12/.pfx</source>
        <translation>Sign digitally (PAdES) with a .p12/.pfx certificate file</translation>
    </message>
    <message>
        <source>berkas .p12 atau .pfx</source>
        <translation>.p12 or .pfx file</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Catatan:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Note:&lt;/b&gt; </translation>
    </message>
    <message>
        <source>Tanda tangan dengan berkas sertifikat digital milik sendiri adalah TTE tidak tersertifikasi: sah sebagai tanda tangan elektronik, tetapi tidak diterbitkan oleh PSrE (mis. BSrE). Untuk TTE tersertifikasi, buat sertifikat tanpa tanda tangan lalu tandatangani dengan aplikasi BSrE.</source>
        <translation>A signature made with your own digital certificate file is an uncertified electronic signature (TTE): valid as an electronic signature, but not issued by a certification authority (PSrE, e.g. BSrE). For a certified TTE, make the certificates without a signature, then sign them with the BSrE application.</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Buat sertifikat…</source>
        <translation>Make certificates…</translation>
    </message>
    <message>
        <source>Buka hasil</source>
        <translation>Open result</translation>
    </message>
    <message>
        <source>Pilih berkas sertifikat digital</source>
        <translation>Choose a digital certificate file</translation>
    </message>
    <message>
        <source>Sertifikat digital (*.p12 *.pfx)</source>
        <translation>Digital certificate (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Pilih folder untuk berkas sertifikat</source>
        <translation>Choose a folder for the certificate files</translation>
    </message>
    <message>
        <source>Sertifikat tidak dibuat: kunci tanda tangan tidak tersedia.</source>
        <translation>Certificates not made: the signing key is not available.</translation>
    </message>
    <message>
        <source>ditandatangani secara digital (TTE tidak tersertifikasi)</source>
        <translation>digitally signed (uncertified electronic signature)</translation>
    </message>
    <message>
        <source>Simpan sertifikat</source>
        <translation>Save certificates</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Pilih berkas sertifikat digital (.p12/.pfx) untuk tanda tangan.</source>
        <translation>Choose the digital certificate file (.p12/.pfx) to sign with.</translation>
    </message>
    <message>
        <source>Membuat sertifikat…</source>
        <translation>Making certificates…</translation>
    </message>
    <message>
        <source>{0} sertifikat tersimpan di {1}</source>
        <translation>{0} certificates saved to {1}</translation>
    </message>
    <message>
        <source>{0} yang dicabut tidak dibuat</source>
        <translation>{0} revoked not made</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada berkas yang ditulis.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>CertificatePrintDialog</name>
    <message>
        <source>Skala 100%, jangan &apos;Fit to page&apos;</source>
        <translation>Scale 100%, not &apos;Fit to page&apos;</translation>
    </message>
    <message>
        <source>Cetak sertifikat</source>
        <translation>Print certificates</translation>
    </message>
    <message>
        <source>{0} — {1} halaman</source>
        <translation>{0} — {1} pages</translation>
    </message>
    <message>
        <source>Pilih printer…</source>
        <translation>Choose printer…</translation>
    </message>
    <message>
        <source>Positif: geser ke kanan; negatif: ke kiri.</source>
        <translation>Positive: shift right; negative: left.</translation>
    </message>
    <message>
        <source>Positif: geser ke bawah; negatif: ke atas.</source>
        <translation>Positive: shift down; negative: up.</translation>
    </message>
    <message>
        <source>Di jendela printer pilih &lt;b&gt;{0}&lt;/b&gt;. Kertas yang sudah bercetak bingkai: cetak satu halaman uji, lalu atur geseran sampai pas.</source>
        <translation>In the printer window choose &lt;b&gt;{0}&lt;/b&gt;. For paper with a preprinted frame: print one test page, then adjust the shift until it fits.</translation>
    </message>
    <message>
        <source>Cetak halaman 1 (uji posisi)</source>
        <translation>Print page 1 (position test)</translation>
    </message>
    <message>
        <source>Cetak semua</source>
        <translation>Print all</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Geser mendatar (X)</source>
        <translation>Horizontal shift (X)</translation>
    </message>
    <message>
        <source>Geser tegak (Y)</source>
        <translation>Vertical shift (Y)</translation>
    </message>
    <message>
        <source>Pilih printer — {0}</source>
        <translation>Choose printer — {0}</translation>
    </message>
    <message>
        <source>Berkas PDF</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <source>Belum ada printer yang dipilih.</source>
        <translation>No printer chosen yet.</translation>
    </message>
    <message>
        <source>Mengirim halaman ke printer…</source>
        <translation>Sending pages to the printer…</translation>
    </message>
    <message>
        <source>{0} halaman dikirim ke printer.</source>
        <translation>{0} pages sent to the printer.</translation>
    </message>
    <message>
        <source>Gagal mencetak: {0}</source>
        <translation>Printing failed: {0}</translation>
    </message>
    <message>
        <source>Pencetakan dibatalkan.</source>
        <translation>Printing cancelled.</translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <source>Peserta daring juga mendapat sertifikat</source>
        <translation>Online participants also get a certificate</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> min</translation>
    </message>
    <message>
        <source>minimal </source>
        <translation>at least </translation>
    </message>
    <message>
        <source>Penerima sertifikat</source>
        <translation>Certificate recipients</translation>
    </message>
    <message>
        <source>Isian: {seq} nomor urut (mis. {seq:04d} → 0001), {year}, {month}, {month_roman}, {event} nomor kegiatan.</source>
        <translation>Placeholders: {seq} sequence number (e.g. {seq:04d} → 0001), {year}, {month}, {month_roman}, {event} event number.</translation>
    </message>
    <message>
        <source>Simpan nomor</source>
        <translation>Save numbering</translation>
    </message>
    <message>
        <source>Nomor sertifikat</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Mulai dari</source>
        <translation>Start at</translation>
    </message>
    <message>
        <source>Contoh</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Periksa ulang</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Pratinjau 5 sertifikat pertama…</source>
        <translation>Preview the first 5 certificates…</translation>
    </message>
    <message>
        <source>Pemeriksaan sebelum membuat</source>
        <translation>Checks before making</translation>
    </message>
    <message>
        <source>Desain sertifikat…</source>
        <translation>Certificate design…</translation>
    </message>
    <message>
        <source>Ekspor templat…</source>
        <translation>Export template…</translation>
    </message>
    <message>
        <source>Impor templat…</source>
        <translation>Import template…</translation>
    </message>
    <message>
        <source>Ekspor kunci publik…</source>
        <translation>Export public key…</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Cabut sertifikat…</source>
        <translation>Revoke certificate…</translation>
    </message>
    <message>
        <source>Periksa keaslian…</source>
        <translation>Check authenticity…</translation>
    </message>
    <message>
        <source>Desain, cetak dan keaslian</source>
        <translation>Design, printing and authenticity</translation>
    </message>
    <message>
        <source>Menghitung penerima…</source>
        <translation>Counting recipients…</translation>
    </message>
    <message>
        <source>{0} hadir di ruangan</source>
        <translation>{0} present in the room</translation>
    </message>
    <message>
        <source> · {0} peserta daring memenuhi syarat</source>
        <translation> · {0} online participants qualify</translation>
    </message>
    <message>
        <source> → &lt;b&gt;{0} sertifikat&lt;/b&gt;</source>
        <translation> → &lt;b&gt;{0} certificates&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Sudah bernomor: {0}</source>
        <translation>&lt;br&gt;Already numbered: {0}</translation>
    </message>
    <message>
        <source> ({0} dicabut)</source>
        <translation> ({0} revoked)</translation>
    </message>
    <message>
        <source>✓ Semua siap: tidak ada yang perlu diperbaiki.</source>
        <translation>✓ All set: nothing needs fixing.</translation>
    </message>
    <message>
        <source>Data sertifikat tidak dapat dimuat: {0}</source>
        <translation>The certificate data could not be loaded: {0}</translation>
    </message>
    <message>
        <source>Menyiapkan pratinjau…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>Pratinjau gagal: {0}</source>
        <translation>Preview failed: {0}</translation>
    </message>
    <message>
        <source>Ekspor templat sertifikat</source>
        <translation>Export certificate template</translation>
    </message>
    <message>
        <source>Templat sertifikat (*.json)</source>
        <translation>Certificate template (*.json)</translation>
    </message>
    <message>
        <source>Ekspor templat</source>
        <translation>Export template</translation>
    </message>
    <message>
        <source>Templat tersimpan di {0}</source>
        <translation>Template saved to {0}</translation>
    </message>
    <message>
        <source>Impor templat sertifikat</source>
        <translation>Import certificate template</translation>
    </message>
    <message>
        <source>Impor templat</source>
        <translation>Import template</translation>
    </message>
    <message>
        <source>Ekspor kunci publik</source>
        <translation>Export public key</translation>
    </message>
    <message>
        <source>Kunci publik (*.pem)</source>
        <translation>Public key (*.pem)</translation>
    </message>
    <message>
        <source>Kunci publik tersimpan di {0}.
Sidik kunci: {1}
Berikan berkas ini kepada siapa pun yang perlu memeriksa keaslian sertifikat tanpa basis data. Kunci privat tidak ikut diekspor.</source>
        <translation>Public key saved to {0}.
Key fingerprint: {1}
Give this file to anyone who needs to check the authenticity of certificates without the database. The private key is not exported.</translation>
    </message>
</context>
<context>
    <name>ChooseFilePage</name>
    <message>
        <source>Pilih berkas daftar peserta</source>
        <translation>Choose the participant list file</translation>
    </message>
    <message>
        <source>Berkas CSV atau Excel (.xlsx), misalnya ekspor SIASN atau daftar undangan panitia. Baris judul di atas kepala tabel tidak masalah; belum ada data yang disimpan pada langkah ini.</source>
        <translation>A CSV or Excel (.xlsx) file, for example a SIASN export or the committee&apos;s invitation list. Title rows above the table header are fine; nothing is saved at this step.</translation>
    </message>
    <message>
        <source>Lokasi berkas</source>
        <translation>File location</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Hanya perbarui peserta yang sudah ada di daftar kegiatan ini</source>
        <translation>Only update participants already on this event&apos;s list</translation>
    </message>
    <message>
        <source>Untuk berkas yang memuat lebih banyak orang daripada yang diundang (misalnya seluruh ekspor SIASN): data peserta yang sudah terdaftar diperbarui, orang lain di berkas tidak ditambahkan.</source>
        <translation>For a file with more people than were invited (the whole SIASN export, say): the data of registered participants is updated, nobody else in the file is added.</translation>
    </message>
    <message>
        <source>Tanpa pilihan ini, orang di berkas yang belum terdaftar ditambahkan sebagai peserta dan yang sudah terdaftar diperbarui.</source>
        <translation>Without this choice, people in the file who are not registered yet are added as participants, and those registered are updated.</translation>
    </message>
    <message>
        <source>Daftar peserta (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx);;Semua berkas (*)</source>
        <translation>Participant list (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Sambungkan ke server</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <source>Sambungan tersimpan</source>
        <translation>Saved connection</translation>
    </message>
    <message>
        <source>nama komputer server atau alamat IP, mis. 192.168.1.10</source>
        <translation>server computer name or IP address, e.g. 192.168.1.10</translation>
    </message>
    <message>
        <source>mis. Meja 2 — tercatat pada setiap check-in</source>
        <translation>e.g. Desk 2 — recorded with every check-in</translation>
    </message>
    <message>
        <source>Ingat kata sandi di brankas kata sandi sistem</source>
        <translation>Remember the password in the system keychain</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Nama meja ini</source>
        <translation>This desk&apos;s name</translation>
    </message>
    <message>
        <source>Sambungkan</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Uji sambungan</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Pakai berkas lokal</source>
        <translation>Use a local file</translation>
    </message>
    <message>
        <source>Bekerja dengan berkas basis data di laptop ini saja (tanpa server).</source>
        <translation>Work with a database file on this laptop only (no server).</translation>
    </message>
    <message>
        <source>Beberapa meja registrasi dapat memakai satu basis data PostgreSQL di jaringan panitia, sehingga setiap meja melihat kehadiran dari meja lain. Tanyakan alamat server dan akunnya kepada pengelola server.</source>
        <translation>Several registration desks can share one PostgreSQL database on the committee&apos;s network, so every desk sees check-ins from the others. Ask the server administrator for the server address and account.</translation>
    </message>
    <message>
        <source>Nama meja wajib diisi, agar setiap check-in tercatat dari meja mana.</source>
        <translation>The desk name is required, so every check-in records which desk made it.</translation>
    </message>
    <message>
        <source>Menghubungi {0}:{1}…</source>
        <translation>Contacting {0}:{1}…</translation>
    </message>
</context>
<context>
    <name>CoreLabels</name>
    <message>
        <source>Sosialisasi</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>Ikrar / Pakta Integritas</source>
        <translation>Pledge / Integrity pact</translation>
    </message>
    <message>
        <source>Sosialisasi dan Ikrar</source>
        <translation>Briefing and pledge</translation>
    </message>
    <message>
        <source>PNS</source>
        <translation>PNS</translation>
    </message>
    <message>
        <source>PPPK</source>
        <translation>PPPK</translation>
    </message>
    <message>
        <source>PPNPN (PTT/GTT)</source>
        <translation>PPNPN (PTT/GTT)</translation>
    </message>
    <message>
        <source>Non-ASN</source>
        <translation>Non-ASN</translation>
    </message>
    <message>
        <source>Luring (di ruangan)</source>
        <translation>On-site (in the room)</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Undangan</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Tanpa undangan</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Izin</source>
        <translation>Excused</translation>
    </message>
    <message>
        <source>Sakit</source>
        <translation>Sick</translation>
    </message>
    <message>
        <source>Dinas Luar</source>
        <translation>Official duty</translation>
    </message>
    <message>
        <source>Tidak Hadir</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>(Tanpa unit kerja)</source>
        <translation>(No work unit)</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>TTD di meja registrasi</source>
        <translation>Signed at the registration desk</translation>
    </message>
    <message>
        <source>Ikrar mandiri sudah kembali</source>
        <translation>Ikrar mandiri form returned</translation>
    </message>
    <message>
        <source>Hadir, belum menandatangani ikrar</source>
        <translation>Present, pledge not signed</translation>
    </message>
    <message>
        <source>Tidak hadir, ikrar mandiri belum kembali</source>
        <translation>Absent, ikrar mandiri form not returned</translation>
    </message>
    <message>
        <source>Waktu Indonesia Barat (UTC+7)</source>
        <translation>Western Indonesia Time (UTC+7)</translation>
    </message>
    <message>
        <source>Waktu Indonesia Tengah (UTC+8)</source>
        <translation>Central Indonesia Time (UTC+8)</translation>
    </message>
    <message>
        <source>Waktu Indonesia Timur (UTC+9)</source>
        <translation>Eastern Indonesia Time (UTC+9)</translation>
    </message>
    <message>
        <source>Cocok</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>Di bawah batas menit</source>
        <translation>Below the minimum minutes</translation>
    </message>
    <message>
        <source>Meragukan</source>
        <translation>Uncertain</translation>
    </message>
    <message>
        <source>Tidak dikenali</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <source>QR undangan</source>
        <translation>Invitation QR</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Pencarian nama</source>
        <translation>Name search</translation>
    </message>
    <message>
        <source>Nama dengan gelar</source>
        <translation>Name with titles</translation>
    </message>
    <message>
        <source>NIP/NIK (dengan label)</source>
        <translation>NIP/NIK (with label)</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Pangkat/golongan</source>
        <translation>Rank/grade</translation>
    </message>
    <message>
        <source>Nomor sertifikat</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <source>Nama kegiatan</source>
        <translation>Event name</translation>
    </message>
    <message>
        <source>Tanggal kegiatan</source>
        <translation>Event date</translation>
    </message>
    <message>
        <source>Hari dan tanggal</source>
        <translation>Day and date</translation>
    </message>
    <message>
        <source>Jumlah JP</source>
        <translation>Lesson hours (JP)</translation>
    </message>
    <message>
        <source>Tempat kegiatan</source>
        <translation>Event venue</translation>
    </message>
    <message>
        <source>Kota (tanggal surat)</source>
        <translation>City (letter date line)</translation>
    </message>
    <message>
        <source>Penyelenggara</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Petunjuk pemeriksaan keaslian</source>
        <translation>Authenticity check hint</translation>
    </message>
    <message>
        <source>Kode QR verifikasi</source>
        <translation>Verification QR code</translation>
    </message>
    <message>
        <source>Logo instansi</source>
        <translation>Agency logo</translation>
    </message>
    <message>
        <source>Penanda tangan 1</source>
        <translation>Signatory 1</translation>
    </message>
    <message>
        <source>Penanda tangan 2</source>
        <translation>Signatory 2</translation>
    </message>
    <message>
        <source>Ruang tanda tangan elektronik (TTE)</source>
        <translation>Electronic signature space (TTE)</translation>
    </message>
</context>
<context>
    <name>CoreReasons</name>
    <message>
        <source>Kode kosong: pindai QR undangan atau ketik NIP/NIK peserta.</source>
        <translation>Empty code: scan the invitation QR or type the participant&apos;s NIP/NIK.</translation>
    </message>
    <message>
        <source>Kode QR ini bukan undangan Netralitas. Pindai QR undangan atau ketik NIP/NIK; untuk mencari nama, gunakan pencarian.</source>
        <translation>This QR code is not a Netralitas invitation. Scan the invitation QR or type the NIP/NIK; to look up a name, use the search.</translation>
    </message>
    <message>
        <source>Undangan ini untuk kegiatan lain: {title}. Bila ia terdaftar pada kegiatan ini, ketik NIP/NIK-nya.</source>
        <translation>This invitation is for another event: {title}. If the person is registered for this event, type their NIP/NIK.</translation>
    </message>
    <message>
        <source>Undangan ini untuk kegiatan yang sudah dihapus. Bila ia terdaftar pada kegiatan ini, ketik NIP/NIK-nya.</source>
        <translation>This invitation is for an event that has been deleted. If the person is registered for this event, type their NIP/NIK.</translation>
    </message>
    <message>
        <source>Undangan ini tidak berlaku lagi: peserta sudah dihapus dari kegiatan ini.</source>
        <translation>This invitation is no longer valid: the participant has been removed from this event.</translation>
    </message>
    <message>
        <source>Nomor {digits} ({length} digit) tidak dikenali: NIP/NI PPPK 18 digit, NIK 16 digit.</source>
        <translation>Number {digits} ({length} digits) not recognised: NIP/NI PPPK has 18 digits, NIK 16 digits.</translation>
    </message>
    <message>
        <source>{label} {number} tidak terdaftar pada kegiatan ini.</source>
        <translation>{label} {number} is not registered for this event.</translation>
    </message>
    <message>
        <source>{label} {number} tidak terdaftar pada kegiatan ini. Datanya ada dari kegiatan lain: daftarkan sebagai peserta tanpa undangan bila diizinkan.</source>
        <translation>{label} {number} is not registered for this event. Their data exists from another event: register them as a walk-in participant if allowed.</translation>
    </message>
    <message>
        <source>Peserta nomor {registration_id} tidak ditemukan.</source>
        <translation>Participant number {registration_id} not found.</translation>
    </message>
    <message>
        <source>Pendaftaran {name} telah dibatalkan{note}. Pulihkan pendaftarannya bila ia tetap boleh ikut.</source>
        <translation>The registration of {name} has been cancelled{note}. Restore the registration if they may still take part.</translation>
    </message>
    <message>
        <source>Kode QR ini bukan undangan Netralitas.</source>
        <translation>This QR code is not a Netralitas invitation.</translation>
    </message>
    <message>
        <source>Kode QR undangan tidak lengkap atau rusak. Pindai ulang, atau ketik NIP/NIK peserta.</source>
        <translation>The invitation QR code is incomplete or damaged. Scan again, or type the participant&apos;s NIP/NIK.</translation>
    </message>
    <message>
        <source>Kode QR palsu atau rusak: tanda tangan tidak cocok.</source>
        <translation>Forged or damaged QR code: the signature does not match.</translation>
    </message>
    <message>
        <source>Kode kosong: pindai QR pada formulir ikrar mandiri.</source>
        <translation>Empty code: scan the QR on the ikrar mandiri form.</translation>
    </message>
    <message>
        <source>Ini kode QR undangan, bukan formulir ikrar mandiri. Pindai QR yang tercetak pada formulir ikrar mandiri yang sudah ditandatangani.</source>
        <translation>This is an invitation QR code, not an ikrar mandiri form. Scan the QR printed on the signed ikrar mandiri form.</translation>
    </message>
    <message>
        <source>Kode QR ini bukan formulir ikrar mandiri Netralitas.</source>
        <translation>This QR code is not a Netralitas ikrar mandiri form.</translation>
    </message>
    <message>
        <source>Kode QR formulir ikrar mandiri tidak lengkap atau rusak. Pindai ulang, atau cari nama peserta di daftar.</source>
        <translation>The ikrar mandiri form&apos;s QR code is incomplete or damaged. Scan again, or look up the participant&apos;s name in the list.</translation>
    </message>
    <message>
        <source>Kode QR formulir ikrar mandiri palsu atau rusak: tanda tangan kode tidak cocok (atau formulir dicetak dari basis data lain).</source>
        <translation>The ikrar mandiri form&apos;s QR code is forged or damaged: the code&apos;s signature does not match (or the form was printed from another database).</translation>
    </message>
    <message>
        <source>Formulir ikrar mandiri ini untuk kegiatan lain: {title}. Terima di kegiatan itu.</source>
        <translation>This ikrar mandiri form is for another event: {title}. Receive it at that event.</translation>
    </message>
    <message>
        <source>Formulir ikrar mandiri ini untuk kegiatan yang sudah dihapus. Terima di kegiatan itu.</source>
        <translation>This ikrar mandiri form is for an event that has been deleted. Receive it at that event.</translation>
    </message>
    <message>
        <source>Formulir ini tidak berlaku lagi: peserta sudah dihapus dari kegiatan ini.</source>
        <translation>This form is no longer valid: the participant has been removed from this event.</translation>
    </message>
    <message>
        <source>Pendaftaran {name} telah dibatalkan{note}.</source>
        <translation>The registration of {name} has been cancelled{note}.</translation>
    </message>
    <message>
        <source>{name} sudah menandatangani ikrar di meja registrasi; tidak perlu ikrar mandiri.</source>
        <translation>{name} has already signed the ikrar at the registration desk; no ikrar mandiri is needed.</translation>
    </message>
    <message>
        <source>{name} tercatat hadir pukul {time} dan sudah menandatangani ikrar di meja registrasi; tidak perlu ikrar mandiri.</source>
        <translation>{name} was recorded present at {time} and has already signed the ikrar at the registration desk; no ikrar mandiri is needed.</translation>
    </message>
    <message>
        <source>{name} tercatat daring pukul {time} dan sudah menandatangani ikrar di meja registrasi; tidak perlu ikrar mandiri.</source>
        <translation>{name} was recorded online at {time} and has already signed the ikrar at the registration desk; no ikrar mandiri is needed.</translation>
    </message>
    <message>
        <source>Formulir ini untuk kegiatan “{title}”, yang tidak termasuk kampanye ini. Terima di kegiatan itu.</source>
        <translation>This form is for the event “{title}”, which is not part of this campaign. Receive it at that event.</translation>
    </message>
    <message>
        <source>Formulir ini untuk kegiatan yang sudah dihapus, yang tidak termasuk kampanye ini. Terima di kegiatan itu.</source>
        <translation>This form is for an event that has been deleted, which is not part of this campaign. Receive it at that event.</translation>
    </message>
    <message>
        <source>Penerimaan formulir ini baru saja dibatalkan di meja lain; pindai lagi.</source>
        <translation>The receipt of this form was just undone at another desk; scan again.</translation>
    </message>
    <message>
        <source>NIP tersimpan sebagai angka oleh Excel ({shown}); tiga digit terakhir hilang. Format kolom NIP sebagai Teks lalu isi ulang NIP yang benar.</source>
        <translation>NIP stored as a number by Excel ({shown}); the last three digits are lost. Format the NIP column as Text and re-enter the correct NIP.</translation>
    </message>
    <message>
        <source>NIP tertulis dalam notasi ilmiah ({shown}); Excel telah membuang digit terakhirnya. Format kolom NIP sebagai Teks lalu isi ulang NIP yang benar.</source>
        <translation>NIP written in scientific notation ({shown}); Excel has dropped its last digits. Format the NIP column as Text and re-enter the correct NIP.</translation>
    </message>
    <message>
        <source>NIP tertulis sebagai bilangan desimal ({shown}); kemungkinan berasal dari sel angka Excel. Format kolom NIP sebagai Teks lalu isi ulang NIP yang benar.</source>
        <translation>NIP written as a decimal number ({shown}); it probably comes from an Excel number cell. Format the NIP column as Text and re-enter the correct NIP.</translation>
    </message>
    <message>
        <source>NIP {shown} berakhiran 000: tanda Excel menyimpan NIP sebagai angka dan membulatkannya. Format kolom NIP sebagai Teks lalu isi ulang NIP yang benar.</source>
        <translation>NIP {shown} ends in 000: a sign that Excel stored the NIP as a number and rounded it. Format the NIP column as Text and re-enter the correct NIP.</translation>
    </message>
    <message>
        <source>NIP kosong.</source>
        <translation>NIP is empty.</translation>
    </message>
    <message>
        <source>NIP hanya boleh berisi angka; ditemukan {shown}.</source>
        <translation>NIP may contain only digits; found {shown}.</translation>
    </message>
    <message>
        <source>NIP harus 18 digit; yang diisi {length} digit ({digits}).</source>
        <translation>NIP must have 18 digits; {length} digits were entered ({digits}).</translation>
    </message>
    <message>
        <source>{label} tidak valid: 8 digit pertama ({digits}) bukan tanggal lahir yang benar.</source>
        <translation>{label} is not valid: the first 8 digits ({digits}) are not a real birth date.</translation>
    </message>
    <message>
        <source>NIP tidak valid: digit ke-15 (jenis kelamin) harus 1 atau 2, bukan {digit}.</source>
        <translation>NIP is not valid: digit 15 (sex) must be 1 or 2, not {digit}.</translation>
    </message>
    <message>
        <source>NIP tidak valid: nomor urut (3 digit terakhir) tidak boleh 000.</source>
        <translation>NIP is not valid: the serial number (last 3 digits) cannot be 000.</translation>
    </message>
    <message>
        <source>NI PPPK tidak valid: digit ke-14 (jumlah kontrak) harus 1 sampai 9.</source>
        <translation>NI PPPK is not valid: digit 14 (contract count) must be 1 to 9.</translation>
    </message>
    <message>
        <source>NI PPPK tidak valid: tahun pengangkatan {year} terlalu dekat dengan tahun lahir {born}.</source>
        <translation>NI PPPK is not valid: appointment year {year} is too close to birth year {born}.</translation>
    </message>
    <message>
        <source>NIP tidak valid: bulan TMT CPNS ({month}) harus 01 sampai 12.</source>
        <translation>NIP is not valid: the TMT CPNS month ({month}) must be 01 to 12.</translation>
    </message>
    <message>
        <source>NIP tidak valid: TMT CPNS ({month}/{year}) harus sesudah tanggal lahir.</source>
        <translation>NIP is not valid: TMT CPNS ({month}/{year}) must be after the birth date.</translation>
    </message>
    <message>
        <source>NIK kosong.</source>
        <translation>NIK is empty.</translation>
    </message>
    <message>
        <source>NIK hanya boleh berisi angka; ditemukan {shown}.</source>
        <translation>NIK may contain only digits; found {shown}.</translation>
    </message>
    <message>
        <source>NIK harus 16 digit; yang diisi {length} digit ({digits}).</source>
        <translation>NIK must have 16 digits; {length} digits were entered ({digits}).</translation>
    </message>
    <message>
        <source>NIK tidak valid: kode provinsi dan kabupaten/kota tidak boleh 00.</source>
        <translation>NIK is not valid: the province and regency/city codes cannot be 00.</translation>
    </message>
    <message>
        <source>NIK tidak valid: digit 7–12 ({digits}) bukan tanggal lahir yang benar.</source>
        <translation>NIK is not valid: digits 7–12 ({digits}) are not a real birth date.</translation>
    </message>
    <message>
        <source>NIK tidak valid: tanggal lahir {date} tidak ada.</source>
        <translation>NIK is not valid: birth date {date} does not exist.</translation>
    </message>
    <message>
        <source>NIK tidak valid: nomor urut (4 digit terakhir) tidak boleh 0000.</source>
        <translation>NIK is not valid: the serial number (last 4 digits) cannot be 0000.</translation>
    </message>
</context>
<context>
    <name>CountersView</name>
    <message>
        <source>Hadir / terdaftar</source>
        <translation>Present / registered</translation>
    </message>
    <message>
        <source>Di ruangan {0} / {1} · Daring {2} / {3}</source>
        <translation>In the room {0} / {1} · Online {2} / {3}</translation>
    </message>
</context>
<context>
    <name>CoverageChart</name>
    <message>
        <source>Sudah ikrar</source>
        <translation>Pledged</translation>
    </message>
    <message>
        <source>Dikecualikan</source>
        <translation>Excused</translation>
    </message>
    <message>
        <source>Belum ikrar</source>
        <translation>Not yet pledged</translation>
    </message>
    <message>
        <source>Daftar induk pegawai belum diimpor.</source>
        <translation>The master roster has not been imported yet.</translation>
    </message>
    <message>
        <source>Dikecualikan: {0}</source>
        <translation>Excused: {0}</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <source>Target (pegawai aktif)</source>
        <translation>Target (active staff)</translation>
    </message>
    <message>
        <source>Sudah ikrar</source>
        <translation>Pledged</translation>
    </message>
    <message>
        <source>Dikecualikan</source>
        <translation>Excused</translation>
    </message>
    <message>
        <source>Belum ikrar</source>
        <translation>Not yet pledged</translation>
    </message>
    <message>
        <source>Persentase terendah</source>
        <translation>Lowest percentage</translation>
    </message>
    <message>
        <source>Belum ikrar terbanyak</source>
        <translation>Most not yet pledged</translation>
    </message>
    <message>
        <source>Nama OPD</source>
        <translation>OPD name</translation>
    </message>
    <message>
        <source>OPD:</source>
        <translation>OPD:</translation>
    </message>
    <message>
        <source>Urutkan:</source>
        <translation>Sort:</translation>
    </message>
    <message>
        <source>Cari nama, NIP/NIK, jabatan…</source>
        <translation>Search name, NIP/NIK, position…</translation>
    </message>
    <message>
        <source>Kecualikan…</source>
        <translation>Excuse…</translation>
    </message>
    <message>
        <source>Batalkan pengecualian</source>
        <translation>Undo excuse</translation>
    </message>
    <message>
        <source>Cakupan belum dapat dihitung: {0}</source>
        <translation>Coverage could not be counted: {0}</translation>
    </message>
    <message>
        <source>Pilih atau buat kampanye.</source>
        <translation>Choose or create a campaign.</translation>
    </message>
    <message>
        <source>{0} hari lagi</source>
        <translation>{0} days left</translation>
    </message>
    <message>
        <source>hari ini</source>
        <translation>today</translation>
    </message>
    <message>
        <source>lewat {0} hari</source>
        <translation>{0} days past</translation>
    </message>
    <message>
        <source>{0} · batas waktu {1} ({2}) · {3} kegiatan</source>
        <translation>{0} · deadline {1} ({2}) · {3} events</translation>
    </message>
    <message>
        <source>Diperbarui pukul {0} ({1} ms) · otomatis saat ada perubahan</source>
        <translation>Updated at {0} ({1} ms) · automatically on every change</translation>
    </message>
    <message>
        <source>Sudah ikrar melalui: {0}</source>
        <translation>Pledged through: {0}</translation>
    </message>
    <message>
        <source>Per jenis pegawai: {0}</source>
        <translation>By employment type: {0}</translation>
    </message>
    <message>
        <source>Semua OPD ({0})</source>
        <translation>All OPDs ({0})</translation>
    </message>
    <message>
        <source>{0} orang belum berikrar. Pilih satu OPD (klik barisnya di grafik) untuk melihat namanya.</source>
        <translation>{0} people have not pledged yet. Pick one OPD (click its row in the chart) to see their names.</translation>
    </message>
    <message>
        <source>Belum ikrar ({0})</source>
        <translation>Not yet pledged ({0})</translation>
    </message>
    <message>
        <source>Dikecualikan ({0})</source>
        <translation>Excused ({0})</translation>
    </message>
    <message>
        <source>Kecualikan</source>
        <translation>Excuse</translation>
    </message>
    <message>
        <source>Pilih dulu nama di daftar belum ikrar.</source>
        <translation>First select names in the not-yet-pledged list.</translation>
    </message>
    <message>
        <source>Belum tersimpan</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Hadir / terdaftar</source>
        <translation>Present / registered</translation>
    </message>
    <message>
        <source>Di ruangan</source>
        <translation>In the room</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Izin · Sakit · Dinas Luar</source>
        <translation>Excused · Sick · Official duty</translation>
    </message>
    <message>
        <source>Belum hadir</source>
        <translation>Not yet present</translation>
    </message>
    <message>
        <source>Ikrar: menghitung…</source>
        <translation>Pledges: counting…</translation>
    </message>
    <message>
        <source>Impor kehadiran daring…</source>
        <translation>Import online attendance…</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Peserta daring dihitung hadir bila mengikuti sekurang-kurangnya selama ini (semua laporan dijumlahkan).</source>
        <translation>Online participants count as present if they attended at least this long (all reports added up).</translation>
    </message>
    <message>
        <source>Terapkan</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Batas minimal hadir daring:</source>
        <translation>Minimum online attendance:</translation>
    </message>
    <message>
        <source>Peserta terbanyak</source>
        <translation>Most participants</translation>
    </message>
    <message>
        <source>Persentase terendah</source>
        <translation>Lowest percentage</translation>
    </message>
    <message>
        <source>Nama OPD</source>
        <translation>OPD name</translation>
    </message>
    <message>
        <source>Urutkan:</source>
        <translation>Sort:</translation>
    </message>
    <message>
        <source>Kehadiran per OPD</source>
        <translation>Attendance by OPD</translation>
    </message>
    <message>
        <source>Ringkasan belum dapat diperbarui: {0}</source>
        <translation>The overview could not be updated: {0}</translation>
    </message>
    <message>
        <source>{0} / {1}  ({2})</source>
        <translation>{0} / {1}  ({2})</translation>
    </message>
    <message>
        <source>Ikrar: {0} dari {1} yang hadir menandatangani di meja · {5} hadir belum menandatangani · ikrar mandiri kembali {2} dari {3} yang tidak hadir · {4} perlu ditindaklanjuti</source>
        <translation>Pledge: {0} of {1} present signed at the desk · {5} present without signing · ikrar mandiri returned {2} of {3} absent · {4} to follow up</translation>
    </message>
    <message>
        <source>Daring (≥ {0} menit)</source>
        <translation>Online (≥ {0} min)</translation>
    </message>
    <message>
        <source>Per jenis pegawai: {0}</source>
        <translation>By employment type: {0}</translation>
    </message>
    <message>
        <source>Diperbarui pukul {0} · otomatis setiap {1} detik</source>
        <translation>Updated at {0} · automatically every {1} seconds</translation>
    </message>
    <message>
        <source>Menerapkan…</source>
        <translation>Applying…</translation>
    </message>
    <message>
        <source>Batas {0} menit disimpan: {1} kehadiran daring ditambah, {2} dibatalkan.</source>
        <translation>Minimum of {0} min saved: {1} online attendances added, {2} cancelled.</translation>
    </message>
    <message>
        <source>Belum tersimpan: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
</context>
<context>
    <name>DesignCanvas</name>
    <message>
        <source>Kolom {0}</source>
        <translation>{0} field</translation>
    </message>
    <message>
        <source>Teks bebas &apos;{0}&apos;</source>
        <translation>Free text &apos;{0}&apos;</translation>
    </message>
</context>
<context>
    <name>DeskIdentityDialog</name>
    <message>
        <source>Meja dan petugas</source>
        <translation>Desk and operator</translation>
    </message>
    <message>
        <source>mis. Meja 1</source>
        <translation>e.g. Desk 1</translation>
    </message>
    <message>
        <source>Nama petugas</source>
        <translation>Operator name</translation>
    </message>
    <message>
        <source>Bunyikan nada hasil pindai</source>
        <translation>Play a tone after each scan</translation>
    </message>
    <message>
        <source>Nama meja</source>
        <translation>Desk name</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Operator</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <source>Basis data tidak dapat dipakai saat ini ({0}). Kehadiran belum tercatat; periksa koneksi lalu pindai lagi.</source>
        <translation>The database cannot be used right now ({0}). The attendance is not recorded; check the connection and scan again.</translation>
    </message>
    <message>
        <source>belum tanda tangan</source>
        <translation>not signed yet</translation>
    </message>
    <message>
        <source>Basis data tidak dapat dipakai saat ini ({0}). Formulir belum tercatat; periksa koneksi lalu pindai lagi.</source>
        <translation>The database cannot be used right now ({0}). The form is not recorded; check the connection and scan again.</translation>
    </message>
    <message>
        <source>Kode yang sama terbaca dua kali dalam {0} detik; dicatat satu kali saja.</source>
        <translation>The same code was read twice within {0} seconds; recorded once only.</translation>
    </message>
    <message>
        <source>Kode yang sama terbaca dua kali dalam {0} detik; tetap ditolak.</source>
        <translation>The same code was read twice within {0} seconds; still refused.</translation>
    </message>
    <message>
        <source>TERBACA DUA KALI</source>
        <translation>READ TWICE</translation>
    </message>
    <message>
        <source>Pindai QR undangan atau ketik NIP/NIK, lalu tekan Enter.</source>
        <translation>Scan the invitation QR or type the NIP/NIK, then press Enter.</translation>
    </message>
    <message>
        <source>Terakhir: {0}</source>
        <translation>Last: {0}</translation>
    </message>
    <message>
        <source>{0} belum tanda tangan</source>
        <translation>{0} not signed yet</translation>
    </message>
    <message>
        <source>SIAP — pindai berikutnya</source>
        <translation>READY — scan the next one</translation>
    </message>
    <message>
        <source>Check-in {0} dibatalkan; ia dapat check-in lagi.</source>
        <translation>Check-in of {0} undone; they can check in again.</translation>
    </message>
    <message>
        <source>tanda tangan tersimpan</source>
        <translation>signature saved</translation>
    </message>
</context>
<context>
    <name>DeskTab</name>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Layar tanda tangan…</source>
        <translation>Signature screen…</translation>
    </message>
    <message>
        <source>Kotak tanda tangan di layar kedua atau tablet, mengikuti antrean</source>
        <translation>The signature pad on a second screen or tablet, following the queue</translation>
    </message>
    <message>
        <source>Layar penuh (F5)</source>
        <translation>Full screen (F5)</translation>
    </message>
    <message>
        <source>Kamera (pindai QR dengan webcam)</source>
        <translation>Camera (scan QR codes with a webcam)</translation>
    </message>
    <message>
        <source>Meja: &lt;b&gt;{0}&lt;/b&gt; · Petugas: &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>Desk: &lt;b&gt;{0}&lt;/b&gt; · Operator: &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <source>Pindai QR undangan atau ketik NIP/NIK, lalu Enter</source>
        <translation>Scan the invitation QR or type the NIP/NIK, then Enter</translation>
    </message>
    <message>
        <source>Batalkan check-in…</source>
        <translation>Undo check-in…</translation>
    </message>
    <message>
        <source>Tanda tangan…</source>
        <translation>Signature…</translation>
    </message>
    <message>
        <source>Minta (atau ulangi) tanda tangan peserta yang dipilih</source>
        <translation>Ask for (or redo) the selected participant&apos;s signature</translation>
    </message>
    <message>
        <source>Tanpa undangan… (F3)</source>
        <translation>Without invitation… (F3)</translation>
    </message>
    <message>
        <source>Daftarkan dan catat hadir peserta yang tidak diundang</source>
        <translation>Register and check in a participant who was not invited</translation>
    </message>
    <message>
        <source>Kehadiran</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Penghitung belum dapat diperbarui: {0}</source>
        <translation>The counters could not be updated: {0}</translation>
    </message>
    <message>
        <source>Check-in terakhir (terbaru di atas)</source>
        <translation>Latest check-ins (newest first)</translation>
    </message>
    <message>
        <source>Check-in manual</source>
        <translation>Manual check-in</translation>
    </message>
    <message>
        <source>Cari peserta (F2)</source>
        <translation>Find participant (F2)</translation>
    </message>
    <message>
        <source>Batalkan check-in</source>
        <translation>Undo check-in</translation>
    </message>
    <message>
        <source>Alasan membatalkan kehadiran {0} (wajib, tercatat di log):</source>
        <translation>Reason for undoing the check-in of {0} (required, recorded in the log):</translation>
    </message>
    <message>
        <source>Alasan wajib diisi</source>
        <translation>A reason is required</translation>
    </message>
    <message>
        <source>Tidak dapat dibatalkan</source>
        <translation>Cannot be undone</translation>
    </message>
</context>
<context>
    <name>DocumentSettingsDialog</name>
    <message>
        <source>Pengaturan dokumen</source>
        <translation>Document settings</translation>
    </message>
    <message>
        <source>Samarkan NIK (3302**********01) pada daftar, laporan, ekspor, undangan dan sertifikat</source>
        <translation>Mask NIKs (3302**********01) on lists, reports, exports, invitations and certificates</translation>
    </message>
    <message>
        <source>UU PDP: NIK dicetak lengkap hanya pada formulir yang ditandatangani orang itu sendiri. Matikan bila instansi penerima memerlukan NIK lengkap.</source>
        <translation>Personal Data Protection Law: a full NIK is printed only on the form the person signs. Switch off if the receiving office needs full NIKs.</translation>
    </message>
    <message>
        <source>Ukuran kertas bawaan</source>
        <translation>Default paper size</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Pakta integritas</source>
        <translation>Integrity pact</translation>
    </message>
    <message>
        <source>Pakta non-ASN</source>
        <translation>Non-ASN pledge</translation>
    </message>
    <message>
        <source>Lembar ikrar bersama</source>
        <translation>Joint pledge sheet</translation>
    </message>
    <message>
        <source>Kop surat dan gambar</source>
        <translation>Letterhead and images</translation>
    </message>
    <message>
        <source>Variabel yang dapat dipakai: {0}. Baris berawalan “1.” menjadi butir bernomor; baris kosong memisahkan paragraf.</source>
        <translation>Variables you can use: {0}. Lines starting with “1.” become numbered items; a blank line separates paragraphs.</translation>
    </message>
    <message>
        <source>Kembalikan teks bawaan</source>
        <translation>Restore the default text</translation>
    </message>
    <message>
        <source>Centang isian yang dicetak; klik dua kali untuk mengubah labelnya, seret untuk mengubah urutan. Peserta non-ASN tanpa NIP dicetak dengan NIK.</source>
        <translation>Tick the fields to print; double-click to change a label, drag to change the order. Non-ASN participants without a NIP are printed with their NIK.</translation>
    </message>
    <message>
        <source>Beri kotak meterai di tempat tanda tangan</source>
        <translation>Add a duty stamp (meterai) box at the signature</translation>
    </message>
    <message>
        <source>Dengan meterai formulir ditandatangani basah; tanda tangan dari meja tidak dicetak.</source>
        <translation>With a duty stamp (meterai) the form is signed by hand; the signature from the desk is not printed.</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Teks pernyataan</source>
        <translation>Statement text</translation>
    </message>
    <message>
        <source>Isian data diri</source>
        <translation>Personal data fields</translation>
    </message>
    <message>
        <source>Dipakai untuk peserta PPNPN (PTT/GTT, honorer) dan non-ASN lainnya: judul dan teks sendiri, NIK sebagai nomor identitas, tanpa pangkat/golongan.</source>
        <translation>Used for PPNPN (PTT/GTT, honorary staff) and other non-ASN participants: their own title and text, the NIK as identity number, no rank/grade.</translation>
    </message>
    <message>
        <source>Teks ikrar</source>
        <translation>Pledge text</translation>
    </message>
    <message>
        <source>PEMERINTAH KABUPATEN …
BADAN KEPEGAWAIAN DAERAH</source>
        <translation>PEMERINTAH KABUPATEN …
BADAN KEPEGAWAIAN DAERAH</translation>
    </message>
    <message>
        <source>Jl. … No. …, Telepon …, Pos-el …</source>
        <translation>Jl. … No. …, Telepon …, Pos-el …</translation>
    </message>
    <message>
        <source>Tanpa baris nama, dokumen dicetak tanpa kop surat. Tanda tangan dan stempel dipakai pada penutup daftar hadir dan lembar ikrar (penanda tangan 1 kegiatan).</source>
        <translation>Without name lines, documents are printed without a letterhead. The signature and stamp are used at the end of the attendance list and the pledge sheet (the event&apos;s signatory 1).</translation>
    </message>
    <message>
        <source>Gambar</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Baris nama kop</source>
        <translation>Letterhead name lines</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Pengaturan tidak tersimpan: {0}</source>
        <translation>The settings were not saved: {0}</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Pakta integritas bertanda tangan (satu PDF)</source>
        <translation>Signed integrity pacts (one PDF)</translation>
    </message>
    <message>
        <source>Satu halaman per peserta yang sudah tanda tangan di meja registrasi, dengan data diri, teks pakta integritas dan tanda tangannya, semua dalam satu berkas.</source>
        <translation>One page per participant who signed at the registration desk, with their personal data, the integrity pact text and their signature, all in one file.</translation>
    </message>
    <message>
        <source>Pakta integritas bertanda tangan (satu berkas per peserta)</source>
        <translation>Signed integrity pacts (one file per participant)</translation>
    </message>
    <message>
        <source>Seperti di atas, tetapi satu berkas PDF per peserta (NIP_Nama.pdf) di dalam folder pilihan.</source>
        <translation>As above, but one PDF file per participant (NIP_Name.pdf) in a folder of your choice.</translation>
    </message>
    <message>
        <source>Lembar ikrar bersama</source>
        <translation>Joint pledge sheet</translation>
    </message>
    <message>
        <source>Teks ikrar yang dibacakan bersama, lalu daftar peserta dengan kolom tanda tangan.</source>
        <translation>The pledge text read out together, then the participant list with a signature column.</translation>
    </message>
    <message>
        <source>Daftar hadir untuk ditandatangani</source>
        <translation>Attendance list to sign</translation>
    </message>
    <message>
        <source>Dicetak sebelum atau saat acara: No, Nama / NIP, Jabatan, Unit Kerja dan ruang Tanda Tangan yang kosong (nomor ganjil di kiri, genap di kanan); judul berulang di setiap halaman.</source>
        <translation>Printed before or at the event: No., Name / NIP, Position, Work unit and an empty Signature space (odd numbers left, even right); the heading repeats on every page.</translation>
    </message>
    <message>
        <source>Rekap kehadiran (daftar hadir setelah acara)</source>
        <translation>Attendance record (attendance list after the event)</translation>
    </message>
    <message>
        <source>Catatan setelah acara: kolom Keterangan (Hadir dengan jamnya, Daring, Izin, Sakit, Dinas Luar, Tidak hadir) sesuai Ringkasan dan ekspor Excel, tanda tangan dari meja registrasi, dan jumlahnya.</source>
        <translation>The record after the event: a Remarks column (Present with the time, Online, Excused, Sick, Official duty, Absent) as in the Summary and the Excel export, the signatures from the registration desk, and the totals.</translation>
    </message>
    <message>
        <source>Formulir ikrar mandiri</source>
        <translation>Ikrar mandiri forms (self-administered pledge)</translation>
    </message>
    <message>
        <source>Formulir berkode QR untuk peserta yang belum berikrar, diisi dan ditandatangani sendiri lalu dikembalikan.</source>
        <translation>QR-coded forms for participants who have not pledged yet: they fill in and sign the form themselves, then return it.</translation>
    </message>
    <message>
        <source>Kertas mendatar (lanskap)</source>
        <translation>Landscape paper</translation>
    </message>
    <message>
        <source>Kelompokkan per unit kerja</source>
        <translation>Group by work unit</translation>
    </message>
    <message>
        <source>Hanya peserta yang sudah hadir</source>
        <translation>Only participants who are present</translation>
    </message>
    <message>
        <source>Cetak tanda tangan dari meja registrasi</source>
        <translation>Print signatures from the registration desk</translation>
    </message>
    <message>
        <source>Kotak meterai di tempat tanda tangan</source>
        <translation>Duty stamp (meterai) box at the signature</translation>
    </message>
    <message>
        <source>Untuk yang tidak hadir</source>
        <translation>For the absent</translation>
    </message>
    <message>
        <source>Untuk yang hadir tetapi belum tanda tangan</source>
        <translation>For those present who have not signed</translation>
    </message>
    <message>
        <source>Untuk keduanya</source>
        <translation>For both</translation>
    </message>
    <message>
        <source>Pilihan</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Pengaturan dokumen…</source>
        <translation>Document settings…</translation>
    </message>
    <message>
        <source>Teks pakta dan ikrar, isian data diri, kop surat, tanda tangan dan stempel penanda tangan, kertas bawaan</source>
        <translation>Pact and pledge texts, personal data fields, letterhead, the signatory&apos;s signature and stamp, default paper</translation>
    </message>
    <message>
        <source>Buat…</source>
        <translation>Make…</translation>
    </message>
    <message>
        <source>Buka setelah selesai</source>
        <translation>Open when finished</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Pratinjau halaman pertama</source>
        <translation>Preview of the first page</translation>
    </message>
    <message>
        <source>Buat ke folder…</source>
        <translation>Make into a folder…</translation>
    </message>
    <message>
        <source>Buat PDF…</source>
        <translation>Make PDF…</translation>
    </message>
    <message>
        <source>Memuat pratinjau…</source>
        <translation>Loading the preview…</translation>
    </message>
    <message>
        <source>Pilih folder untuk berkas per peserta</source>
        <translation>Choose a folder for the per-participant files</translation>
    </message>
    <message>
        <source>Simpan {0}</source>
        <translation>Save {0}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Membuat {0}…</source>
        <translation>Making {0}…</translation>
    </message>
    <message>
        <source>{0} berkas</source>
        <translation>{0} files</translation>
    </message>
    <message>
        <source>{0} halaman</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>Selesai: {0} peserta, {1}, tersimpan di {2}</source>
        <translation>Done: {0} participants, {1}, saved to {2}</translation>
    </message>
    <message>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Buka berkas</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Dibatalkan; berkas lama (bila ada) tidak diubah.</source>
        <translation>Cancelled; the old file (if any) is unchanged.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Ubah kegiatan</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>Kegiatan baru</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>mis. Sosialisasi Netralitas ASN pada Pilkada 2024</source>
        <translation>e.g. Sosialisasi Netralitas ASN pada Pilkada 2024</translation>
    </message>
    <message>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Zona waktu kegiatan, dicetak di belakang setiap jam pada dokumen</source>
        <translation>The event&apos;s time zone, printed after every time on the documents</translation>
    </message>
    <message>
        <source>mis. Aula Setda Kabupaten Sukamakmur</source>
        <translation>e.g. Aula Setda Kabupaten Sukamakmur</translation>
    </message>
    <message>
        <source>mis. Pemerintah Kabupaten Sukamakmur</source>
        <translation>e.g. Pemerintah Kabupaten Sukamakmur</translation>
    </message>
    <message>
        <source>mis. BKPSDM Kabupaten Sukamakmur</source>
        <translation>e.g. BKPSDM Kabupaten Sukamakmur</translation>
    </message>
    <message>
        <source>untuk baris tanggal surat, mis. Sukamakmur</source>
        <translation>for the letter&apos;s date line, e.g. Sukamakmur</translation>
    </message>
    <message>
        <source>mis. Pemilihan Bupati dan Wakil Bupati 2024</source>
        <translation>e.g. Pemilihan Bupati dan Wakil Bupati 2024</translation>
    </message>
    <message>
        <source>Satu narasumber per baris</source>
        <translation>One speaker per line</translation>
    </message>
    <message>
        <source>Tanda tangan peserta diminta saat registrasi</source>
        <translation>Ask participants to sign at registration</translation>
    </message>
    <message>
        <source>Setelah check-in, meja registrasi membuka kotak tanda tangan untuk peserta</source>
        <translation>After check-in, the registration desk opens a signature pad for the participant</translation>
    </message>
    <message>
        <source>Nama kegiatan *</source>
        <translation>Event name *</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tanggal *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Penyelenggara</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Kota (tanggal surat)</source>
        <translation>City (letter date line)</translation>
    </message>
    <message>
        <source>Pemilihan</source>
        <translation>Election</translation>
    </message>
    <message>
        <source>Narasumber</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>Jumlah jam pelajaran</source>
        <translation>Lesson hours (JP)</translation>
    </message>
</context>
<context>
    <name>EventList</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nama kegiatan</source>
        <translation>Event name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Baru…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Hapus…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Kegiatan tidak ditemukan</source>
        <translation>Event not found</translation>
    </message>
    <message>
        <source>Hapus kegiatan &quot;{0}&quot; ({1})?

{2} peserta terdaftar dan {3} data kehadiran ikut terhapus. Data pegawai tetap tersimpan untuk kegiatan lain. Tindakan ini tidak dapat dibatalkan.</source>
        <translation>Delete the event &quot;{0}&quot; ({1})?

{2} registered participants and {3} attendance records are deleted with it. Employee data stays for other events. This cannot be undone.</translation>
    </message>
    <message>
        <source>Hapus kegiatan</source>
        <translation>Delete event</translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>← Semua kegiatan</source>
        <translation>← All events</translation>
    </message>
    <message>
        <source>Kegiatan contoh: semua pesertanya fiktif. Silakan mencoba meja registrasi, dokumen dan sertifikat; hapus kegiatan ini (Kegiatan ▸ Hapus…) sebelum memakai data sungguhan.</source>
        <translation>Example event: every participant is fictitious. Try the registration desk, documents and certificates; delete this event (Events ▸ Delete…) before working with real data.</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Meja Registrasi</source>
        <translation>Registration Desk</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Ikrar Mandiri</source>
        <translation>Ikrar Mandiri</translation>
    </message>
    <message>
        <source>Sertifikat</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>pukul {0}</source>
        <translation>at {0}</translation>
    </message>
</context>
<context>
    <name>ExcuseDialog</name>
    <message>
        <source>Kecualikan dari kewajiban ikrar</source>
        <translation>Excuse from the pledge</translation>
    </message>
    <message>
        <source>misalnya: cuti melahirkan sampai Desember</source>
        <translation>e.g. maternity leave until December</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Kecualikan</source>
        <translation>Excuse</translation>
    </message>
    <message>
        <source>{0} orang tidak dihitung sebagai belum berikrar, dengan alasan berikut:</source>
        <translation>{0} people will not count as not yet pledged, for this reason:</translation>
    </message>
    <message>
        <source>Tuliskan keterangan untuk alasan “Lainnya”.</source>
        <translation>Write a note for the reason “Other”.</translation>
    </message>
</context>
<context>
    <name>FieldPanel</name>
    <message>
        <source>Serif (Times)</source>
        <translation>Serif (Times)</translation>
    </message>
    <message>
        <source>Sans (Arial)</source>
        <translation>Sans (Arial)</translation>
    </message>
    <message>
        <source>Kiri</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Tengah</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Kanan</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Pilih kolom pada pratinjau untuk mengubahnya.</source>
        <translation>Select a field in the preview to change it.</translation>
    </message>
    <message>
        <source>kosong: isi data kolom ini</source>
        <translation>empty: this field&apos;s data</translation>
    </message>
    <message>
        <source>Sisipkan isian…</source>
        <translation>Insert placeholder…</translation>
    </message>
    <message>
        <source>Tebal</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Miring</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>Teks yang terlalu panjang mengecil sampai ukuran ini (paling kecil 8 pt), lalu berganti baris.</source>
        <translation>Text that is too long shrinks down to this size (8 pt at least), then wraps.</translation>
    </message>
    <message>
        <source>otomatis</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>Teks</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Huruf</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Ukuran minimal</source>
        <translation>Minimum size</translation>
    </message>
    <message>
        <source>Baris maksimal</source>
        <translation>Maximum lines</translation>
    </message>
    <message>
        <source>Warna</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Perataan</source>
        <translation>Alignment</translation>
    </message>
    <message>
        <source>Kiri (X)</source>
        <translation>Left (X)</translation>
    </message>
    <message>
        <source>Atas (Y)</source>
        <translation>Top (Y)</translation>
    </message>
    <message>
        <source>Lebar</source>
        <translation>Width</translation>
    </message>
    <message>
        <source>Tinggi</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>baris di atas jabatan, mis. {place}, {date}</source>
        <translation>line above the position, e.g. {place}, {date}</translation>
    </message>
    <message>
        <source>Warna teks</source>
        <translation>Text colour</translation>
    </message>
</context>
<context>
    <name>IkrarMandiriBanner</name>
    <message>
        <source>Formulir ikrar mandiri diterima pukul {0}</source>
        <translation>Ikrar mandiri form received at {0}</translation>
    </message>
    <message>
        <source> · dengan lampiran</source>
        <translation> · with attachment</translation>
    </message>
    <message>
        <source>DITERIMA</source>
        <translation>RECEIVED</translation>
    </message>
    <message>
        <source>SUDAH DITERIMA</source>
        <translation>ALREADY RECEIVED</translation>
    </message>
    <message>
        <source>DITOLAK</source>
        <translation>REFUSED</translation>
    </message>
</context>
<context>
    <name>IkrarMandiriFormsBox</name>
    <message>
        <source>Formulir untuk peserta yang belum berikrar</source>
        <translation>Forms for participants who have not pledged</translation>
    </message>
    <message>
        <source>untuk yang tidak hadir</source>
        <translation>for the absent</translation>
    </message>
    <message>
        <source>untuk yang hadir tetapi belum tanda tangan</source>
        <translation>for those present who have not signed</translation>
    </message>
    <message>
        <source>untuk keduanya</source>
        <translation>for both</translation>
    </message>
    <message>
        <source>Buat formulir ikrar mandiri (PDF)…</source>
        <translation>Make ikrar mandiri forms (PDF)…</translation>
    </message>
    <message>
        <source>Buka PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>Ikrar mandiri</source>
        <translation>Ikrar mandiri</translation>
    </message>
    <message>
        <source>Simpan formulir ikrar mandiri</source>
        <translation>Save ikrar mandiri forms</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Membuat formulir ikrar mandiri…</source>
        <translation>Making ikrar mandiri forms…</translation>
    </message>
    <message>
        <source>{0} formulir tersimpan di {1}</source>
        <translation>{0} forms saved to {1}</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada berkas yang ditulis.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>IkrarMandiriTab</name>
    <message>
        <source>Foto atau pindaian (*.jpg *.jpeg *.png *.pdf *.tif *.tiff *.webp *.bmp);;Semua berkas (*)</source>
        <translation>Photo or scan (*.jpg *.jpeg *.png *.pdf *.tif *.tiff *.webp *.bmp);;All files (*)</translation>
    </message>
    <message>
        <source>Pindai QR formulir ikrar mandiri yang sudah ditandatangani, lalu Enter</source>
        <translation>Scan the QR of a signed ikrar mandiri form, then Enter</translation>
    </message>
    <message>
        <source>Pindai QR pada formulir ikrar mandiri yang kembali, lalu tekan Enter.</source>
        <translation>Scan the QR on a returned ikrar mandiri form, then press Enter.</translation>
    </message>
    <message>
        <source>Lampirkan foto/pindaian…</source>
        <translation>Attach photo/scan…</translation>
    </message>
    <message>
        <source>Tanpa lampiran</source>
        <translation>No attachment</translation>
    </message>
    <message>
        <source>Cari nama, NIP, atau unit kerja…</source>
        <translation>Search name, NIP or work unit…</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP/NIK</source>
        <translation>NIP/NIK</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Cara</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Terima tanpa pindai</source>
        <translation>Receive without scanning</translation>
    </message>
    <message>
        <source>Untuk formulir yang QR-nya rusak: terima formulir peserta terpilih.</source>
        <translation>For a form whose QR is damaged: receive the selected participant&apos;s form.</translation>
    </message>
    <message>
        <source>Buka lampiran</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <source>Tambah lampiran…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>Batalkan penerimaan…</source>
        <translation>Undo receipt…</translation>
    </message>
    <message>
        <source>Daftar belum dapat dimuat: {0}</source>
        <translation>The lists could not be loaded: {0}</translation>
    </message>
    <message>
        <source>Wajib: {0}</source>
        <translation>Required: {0}</translation>
    </message>
    <message>
        <source>Sudah kembali: {0}</source>
        <translation>Returned: {0}</translation>
    </message>
    <message>
        <source>Belum: {0}</source>
        <translation>Outstanding: {0}</translation>
    </message>
    <message>
        <source>Hadir belum tanda tangan: {0}</source>
        <translation>Present, not signed: {0}</translation>
    </message>
    <message>
        <source>Belum kembali ({0})</source>
        <translation>Not returned ({0})</translation>
    </message>
    <message>
        <source>Sudah kembali ({0})</source>
        <translation>Returned ({0})</translation>
    </message>
    <message>
        <source>Hadir, belum tanda tangan ({0})</source>
        <translation>Present, not signed ({0})</translation>
    </message>
    <message>
        <source>Ganti lampiran…</source>
        <translation>Replace attachment…</translation>
    </message>
    <message>
        <source>Basis data tidak dapat dipakai saat ini ({0}). Formulir belum tercatat; periksa koneksi lalu pindai lagi.</source>
        <translation>The database cannot be used right now ({0}). The form is not recorded; check the connection and scan again.</translation>
    </message>
    <message>
        <source>Lampiran: tidak ada (opsional)</source>
        <translation>Attachment: none (optional)</translation>
    </message>
    <message>
        <source>Lampiran untuk formulir berikutnya: &lt;b&gt;{0}&lt;/b&gt; ({1} KB)</source>
        <translation>Attachment for the next form: &lt;b&gt;{0}&lt;/b&gt; ({1} KB)</translation>
    </message>
    <message>
        <source>Pilih foto atau pindaian formulir</source>
        <translation>Choose a photo or scan of the form</translation>
    </message>
    <message>
        <source>Memuat lampiran {0}…</source>
        <translation>Loading attachment {0}…</translation>
    </message>
    <message>
        <source>Lampiran tidak dapat dipakai</source>
        <translation>Attachment cannot be used</translation>
    </message>
    <message>
        <source>Lampiran formulir {0}</source>
        <translation>Form attachment for {0}</translation>
    </message>
    <message>
        <source>Lampiran tidak tersimpan</source>
        <translation>Attachment not saved</translation>
    </message>
    <message>
        <source>Lampiran tidak dapat dibuka</source>
        <translation>Attachment cannot be opened</translation>
    </message>
    <message>
        <source>Batalkan penerimaan</source>
        <translation>Undo receipt</translation>
    </message>
    <message>
        <source>Alasan membatalkan penerimaan formulir {0} (wajib, tercatat di log):</source>
        <translation>Reason for undoing the receipt of the form of {0} (required, recorded in the log):</translation>
    </message>
    <message>
        <source>Alasan wajib diisi</source>
        <translation>A reason is required</translation>
    </message>
    <message>
        <source>Tidak dapat dibatalkan</source>
        <translation>Cannot be undone</translation>
    </message>
    <message>
        <source>Penerimaan formulir {0} dibatalkan; ia kembali tercatat belum mengembalikan.</source>
        <translation>Receipt of the form of {0} undone; they are recorded as not returned again.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gelar depan</source>
        <translation>Title before name</translation>
    </message>
    <message>
        <source>Gelar belakang</source>
        <translation>Title after name</translation>
    </message>
    <message>
        <source>NIP / NI PPPK</source>
        <translation>NIP / NI PPPK</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Jenis pegawai</source>
        <translation>Employment type</translation>
    </message>
    <message>
        <source>Pangkat / golongan</source>
        <translation>Rank / grade</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Kehadiran</source>
        <translation>Attendance mode</translation>
    </message>
    <message>
        <source>Ditambah</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Tidak berubah</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Impor peserta</source>
        <translation>Import participants</translation>
    </message>
    <message>
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Lanjut &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InvitationsDialog</name>
    <message>
        <source>Undangan ber-QR</source>
        <translation>QR invitations</translation>
    </message>
    <message>
        <source>Memuat peserta…</source>
        <translation>Loading participants…</translation>
    </message>
    <message>
        <source>Untuk siapa</source>
        <translation>For whom</translation>
    </message>
    <message>
        <source>Satu unit kerja:</source>
        <translation>One work unit:</translation>
    </message>
    <message>
        <source>Hanya yang undangannya belum dikirim</source>
        <translation>Only those whose invitation has not been sent</translation>
    </message>
    <message>
        <source>Bentuk</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Kartu untuk dicetak (PDF, 8 kartu per halaman), kertas:</source>
        <translation>Cards to print (PDF, 8 cards per page), paper:</translation>
    </message>
    <message>
        <source>Gambar per orang untuk WhatsApp (PNG, dalam satu berkas ZIP)</source>
        <translation>One image per person for WhatsApp (PNG, in one ZIP file)</translation>
    </message>
    <message>
        <source>Tandai undangan yang dibuat sebagai sudah dikirim</source>
        <translation>Mark the invitations made as sent</translation>
    </message>
    <message>
        <source>Undangan dianggap terkirim begitu dibuat untuk dibagikan. Kosongkan untuk cetak coba; tanda terkirim dapat diubah lewat klik kanan di tab Peserta.</source>
        <translation>An invitation counts as sent once it is made to hand out. Clear this for a test print; the sent mark can be changed by right-clicking in the Participants tab.</translation>
    </message>
    <message>
        <source>Buka setelah selesai</source>
        <translation>Open when done</translation>
    </message>
    <message>
        <source>Buat…</source>
        <translation>Make…</translation>
    </message>
    <message>
        <source>Buka berkas</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dari {0} peserta, {1} undangan sudah ditandai terkirim dan {2} belum.</source>
        <translation>Of {0} participants, {1} invitations are marked sent and {2} are not.</translation>
    </message>
    <message>
        <source>Semua peserta ({0})</source>
        <translation>All participants ({0})</translation>
    </message>
    <message>
        <source>Peserta yang dipilih di tab Peserta ({0})</source>
        <translation>Participants selected in the Participants tab ({0})</translation>
    </message>
    <message>
        <source>(tanpa unit kerja)</source>
        <translation>(no work unit)</translation>
    </message>
    <message>
        <source>Kegiatan ini belum memiliki peserta; tambahkan atau impor peserta dahulu.</source>
        <translation>This event has no participants yet; add or import participants first.</translation>
    </message>
    <message>
        <source>Semua undangan dalam pilihan ini sudah ditandai terkirim.</source>
        <translation>Every invitation in this choice is already marked sent.</translation>
    </message>
    <message>
        <source>Tidak ada peserta dalam pilihan ini.</source>
        <translation>No participants in this choice.</translation>
    </message>
    <message>
        <source>Akan dibuat {0} kartu undangan dalam {1} halaman.</source>
        <translation>{0} invitation cards on {1} pages will be made.</translation>
    </message>
    <message>
        <source>Akan dibuat {0} gambar undangan dalam satu berkas ZIP.</source>
        <translation>{0} invitation images in one ZIP file will be made.</translation>
    </message>
    <message>
        <source>Simpan undangan</source>
        <translation>Save invitations</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Arsip ZIP (*.zip)</source>
        <translation>ZIP archive (*.zip)</translation>
    </message>
    <message>
        <source>Membuat kartu undangan…</source>
        <translation>Making invitation cards…</translation>
    </message>
    <message>
        <source>Membuat gambar undangan…</source>
        <translation>Making invitation images…</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada berkas yang dibuat dan tidak ada yang ditandai terkirim.</source>
        <translation>Cancelled; no file was made and nobody was marked sent.</translation>
    </message>
    <message>
        <source>{0} kartu dalam {1} halaman</source>
        <translation>{0} cards on {1} pages</translation>
    </message>
    <message>
        <source>{0} gambar</source>
        <translation>{0} images</translation>
    </message>
    <message>
        <source>{0} ditandai terkirim</source>
        <translation>{0} marked sent</translation>
    </message>
    <message>
        <source>tidak ada yang ditandai terkirim</source>
        <translation>none marked sent</translation>
    </message>
    <message>
        <source>Selesai: {0}, {1}. Tersimpan di {2}</source>
        <translation>Done: {0}, {1}. Saved in {2}</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Dibatalkan.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Meja Registrasi — {0}</source>
        <translation>Registration Desk — {0}</translation>
    </message>
    <message>
        <source>F2 cari nama · F3 peserta tanpa undangan · Esc keluar dari layar penuh</source>
        <translation>F2 find a name · F3 participant without invitation · Esc leave full screen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Basis data: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <source>Impor peserta…</source>
        <translation>Import participants…</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Baru…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Hapus…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Meja registrasi</source>
        <translation>Registration desk</translation>
    </message>
    <message>
        <source>Meja registrasi layar penuh</source>
        <translation>Registration desk full screen</translation>
    </message>
    <message>
        <source>Semua kegiatan</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>Tentang Netralitas Desktop</source>
        <translation>About Netralitas Desktop</translation>
    </message>
    <message>
        <source>Pengaturan…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Sambungkan ke server…</source>
        <translation>Connect to a server…</translation>
    </message>
    <message>
        <source>Cadangan &amp;&amp; pemulihan…</source>
        <translation>Backup &amp;&amp; restore…</translation>
    </message>
    <message>
        <source>Meja offline (paket kegiatan)…</source>
        <translation>Offline desk (event package)…</translation>
    </message>
    <message>
        <source>Impor kehadiran daring…</source>
        <translation>Import online attendance…</translation>
    </message>
    <message>
        <source>Undangan ber-QR…</source>
        <translation>QR invitations…</translation>
    </message>
    <message>
        <source>Hapus data pribadi…</source>
        <translation>Delete personal data…</translation>
    </message>
    <message>
        <source>Log audit…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <source>Periksa keaslian sertifikat…</source>
        <translation>Check certificate authenticity…</translation>
    </message>
    <message>
        <source>Cakupan ikrar seluruh pegawai…</source>
        <translation>Pledge coverage of all staff…</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Kegiatan</source>
        <translation>&amp;Events</translation>
    </message>
    <message>
        <source>Ka&amp;mpanye</source>
        <translation>Ca&amp;mpaign</translation>
    </message>
    <message>
        <source>&amp;Alat</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Kegiatan tidak ditemukan</source>
        <translation>Event not found</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Netralitas Desktop {0}&lt;/h3&gt;&lt;p&gt;Registrasi peserta, ikrar, sertifikat dan laporan Sosialisasi Netralitas ASN.&lt;/p&gt;&lt;p&gt;Basis data: {1}&lt;br&gt;Berkas log: {2}&lt;/p&gt;&lt;p&gt;Python {3} · Qt {4} · Lisensi MIT&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Netralitas Desktop {0}&lt;/h3&gt;&lt;p&gt;Participant registration, pledges, certificates and reports for Sosialisasi Netralitas ASN (civil service neutrality briefings).&lt;/p&gt;&lt;p&gt;Database: {1}&lt;br&gt;Log file: {2}&lt;/p&gt;&lt;p&gt;Python {3} · Qt {4} · MIT License&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Impor sedang berjalan</source>
        <translation>Import in progress</translation>
    </message>
    <message>
        <source>Tunggu sampai impor selesai atau batalkan dulu, lalu tutup aplikasi.</source>
        <translation>Wait until the import finishes or cancel it first, then close the app.</translation>
    </message>
</context>
<context>
    <name>ManualSearch</name>
    <message>
        <source>Check-in manual</source>
        <translation>Manual check-in</translation>
    </message>
    <message>
        <source>Cari nama, unit kerja atau NIP (F2)</source>
        <translation>Search name, work unit or NIP (F2)</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP / NIK</source>
        <translation>NIP / NIK</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Catat hadir</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>Pencarian gagal: {0}</source>
        <translation>Search failed: {0}</translation>
    </message>
    <message>
        <source>Hadir {0}</source>
        <translation>Present {0}</translation>
    </message>
    <message>
        <source>Belum</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>{0} ditemukan</source>
        <translation>{0} found</translation>
    </message>
    <message>
        <source>Tidak ditemukan</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>MasterImportDialog</name>
    <message>
        <source>Impor daftar induk pegawai</source>
        <translation>Import the master roster</translation>
    </message>
    <message>
        <source>Ekspor SIASN (CSV/XLSX) atau daftar non-ASN</source>
        <translation>SIASN export (CSV/XLSX) or a non-ASN list</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Berkas ini hanya sebagian daftar (jangan tandai yang tidak ada di berkas sebagai keluar)</source>
        <translation>This file is only part of the list (do not mark people missing from it as left)</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Isi</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>NIP / NIK</source>
        <translation>NIP / NIK</translation>
    </message>
    <message>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Ke</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Simpan ke daftar induk</source>
        <translation>Save to the master roster</translation>
    </message>
    <message>
        <source>Pilih daftar induk</source>
        <translation>Choose the master roster</translation>
    </message>
    <message>
        <source>Daftar (*.csv *.xlsx);;Semua berkas (*)</source>
        <translation>Lists (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Membaca dan mencocokkan…</source>
        <translation>Reading and matching…</translation>
    </message>
    <message>
        <source>Dibatalkan; daftar induk tidak berubah.</source>
        <translation>Cancelled; the master roster is unchanged.</translation>
    </message>
    <message>
        <source>Bila disimpan: {0}.</source>
        <translation>If saved: {0}.</translation>
    </message>
    <message>
        <source>Ditolak ({0})</source>
        <translation>Rejected ({0})</translation>
    </message>
    <message>
        <source>Keluar ({0})</source>
        <translation>Left ({0})</translation>
    </message>
    <message>
        <source>Pindah OPD ({0})</source>
        <translation>Moved OPD ({0})</translation>
    </message>
    <message>
        <source>Menyimpan daftar induk…</source>
        <translation>Saving the master roster…</translation>
    </message>
    <message>
        <source>Tersimpan: {0}.</source>
        <translation>Saved: {0}.</translation>
    </message>
</context>
<context>
    <name>MemberModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP / NIK</source>
        <translation>NIP / NIK</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source> (pindah dari {0})</source>
        <translation> (moved from {0})</translation>
    </message>
</context>
<context>
    <name>OnlineImportDialog</name>
    <message>
        <source>Laporan peserta (*.csv *.xlsx *.txt);;Semua berkas (*)</source>
        <translation>Participant report (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Impor kehadiran daring</source>
        <translation>Import online attendance</translation>
    </message>
    <message>
        <source>Pilih laporan peserta rapat daring: dari Zoom (Laporan → Peserta → Ekspor) atau laporan kehadiran Google Meet, sebagai CSV atau Excel. Peserta dikenali dari NIP/NIK pada nama tampilan, email, atau nama (dengan unit kerja bila ditulis, misalnya &quot;Budi Santoso - Dinkes&quot;).</source>
        <translation>Choose the participant report of the online meeting: from Zoom (Reports → Participants → Export) or a Google Meet attendance report, as CSV or Excel. Participants are recognised by a NIP/NIK in the display name, by email, or by name (with the work unit if written, e.g. &quot;Budi Santoso - Dinkes&quot;).</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Perlu ditinjau</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Di bawah batas menit</source>
        <translation>Below the minimum minutes</translation>
    </message>
    <message>
        <source>Cocok</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Batas minimal hadir daring:</source>
        <translation>Minimum online attendance:</translation>
    </message>
    <message>
        <source>Tampilkan:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Nama di laporan</source>
        <translation>Name in report</translation>
    </message>
    <message>
        <source>Menit</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Tetapkan peserta</source>
        <translation>Assign participant</translation>
    </message>
    <message>
        <source>Pilih satu baris di kiri.</source>
        <translation>Select a row on the left.</translation>
    </message>
    <message>
        <source>Tetapkan</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Cari peserta lain…</source>
        <translation>Find another participant…</translation>
    </message>
    <message>
        <source>Kosongkan</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Jangan hitung baris ini sebagai kehadiran siapa pun.</source>
        <translation>Do not count this row as anyone&apos;s attendance.</translation>
    </message>
    <message>
        <source>Kandidat:</source>
        <translation>Candidates:</translation>
    </message>
    <message>
        <source>Pilih berkas lain…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <source>Simpan kehadiran daring</source>
        <translation>Save online attendance</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih laporan peserta</source>
        <translation>Choose the participant report</translation>
    </message>
    <message>
        <source>Membaca {0}…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <source>Dibatalkan.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; — {1}: {2} baris, {3} peserta rapat.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — {1}: {2} rows, {3} meeting participants.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; cocok (dihitung hadir daring) · &lt;b&gt;{1}&lt;/b&gt; di bawah batas menit · &lt;b&gt;{2}&lt;/b&gt; meragukan · &lt;b&gt;{3}&lt;/b&gt; tidak dikenali</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; matched (counted present online) · &lt;b&gt;{1}&lt;/b&gt; below the minimum minutes · &lt;b&gt;{2}&lt;/b&gt; uncertain · &lt;b&gt;{3}&lt;/b&gt; not recognised</translation>
    </message>
    <message>
        <source>{0} peserta yang cocok sudah hadir di ruangan dan tetap tercatat Hadir.</source>
        <translation>Matched but already present in the room (they stay recorded as Present): {0}.</translation>
    </message>
    <message>
        <source>Laporan ini sudah pernah diimpor: menit tidak ditambah lagi. Yang Anda tetapkan di bawah tetap disimpan.</source>
        <translation>This report was imported before: minutes are not added again. What you assign below is still saved.</translation>
    </message>
    <message>
        <source>{0} baris dilewati (mis. baris {1}: {2})</source>
        <translation>{0} rows skipped (e.g. row {1}: {2})</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; — {1} menit</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — {1} min</translation>
    </message>
    <message>
        <source> ({0}% mirip)</source>
        <translation> ({0}% similar)</translation>
    </message>
    <message>
        <source>Siapa &quot;{0}&quot; ({1} menit)?</source>
        <translation>Who is &quot;{0}&quot; ({1} min)?</translation>
    </message>
    <message>
        <source>Tidak dapat ditetapkan</source>
        <translation>Cannot be assigned</translation>
    </message>
    <message>
        <source>Menyimpan kehadiran daring…</source>
        <translation>Saving online attendance…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kehadiran daring tersimpan.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Online attendance saved.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Laporan ini sudah pernah diimpor; tidak ada yang berubah.&lt;/b&gt;</source>
        <translation>&lt;b&gt;This report was imported before; nothing changed.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{0} kehadiran daring dicatat{1}.</source>
        <translation>{0} online attendances recorded{1}.</translation>
    </message>
    <message>
        <source>, {0} dibatalkan</source>
        <translation>, {0} cancelled</translation>
    </message>
    <message>
        <source>{0} cocok · {1} di bawah batas {2} menit · {3} meragukan · {4} tidak dikenali.</source>
        <translation>{0} matched · {1} below the {2}-minute minimum · {3} uncertain · {4} not recognised.</translation>
    </message>
    <message>
        <source>Yang belum ditetapkan tetap tersimpan; buka laporan yang sama lagi untuk menetapkannya nanti.</source>
        <translation>Unassigned rows are kept; open the same report again to assign them later.</translation>
    </message>
</context>
<context>
    <name>OpdChart</name>
    <message>
        <source>Di ruangan</source>
        <translation>In the room</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Izin/Sakit/DL</source>
        <translation>Excused/Sick/Duty</translation>
    </message>
    <message>
        <source>Belum hadir</source>
        <translation>Not yet present</translation>
    </message>
    <message>
        <source>Belum ada peserta.</source>
        <translation>No participants yet.</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Meja offline</source>
        <translation>Offline desk</translation>
    </message>
    <message>
        <source>Untuk meja registrasi tanpa jaringan: (1) di komputer kantor buat paket kegiatan, (2) salin ke laptop meja dan impor, (3) catat kehadiran seperti biasa, (4) di laptop buat berkas kehadiran, (5) di komputer kantor gabungkan. Menggabungkan dua kali aman: tidak ada yang tercatat ganda.</source>
        <translation>For a registration desk without a network: (1) on the office computer make an event package, (2) copy it to the desk laptop and import it, (3) record attendance as usual, (4) on the laptop make an attendance file, (5) merge it on the office computer. Merging twice is safe: nothing is recorded twice.</translation>
    </message>
    <message>
        <source>Buat paket untuk laptop meja…</source>
        <translation>Make a package for a desk laptop…</translation>
    </message>
    <message>
        <source>Gabungkan kehadiran dari laptop…</source>
        <translation>Merge attendance from a laptop…</translation>
    </message>
    <message>
        <source>Impor paket dari kantor…</source>
        <translation>Import a package from the office…</translation>
    </message>
    <message>
        <source>Buat berkas kehadiran untuk kantor…</source>
        <translation>Make an attendance file for the office…</translation>
    </message>
    <message>
        <source>Di komputer kantor</source>
        <translation>On the office computer</translation>
    </message>
    <message>
        <source>Di laptop meja</source>
        <translation>On the desk laptop</translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Laporan langkah terakhir tampil di sini.</source>
        <translation>The report of the last step appears here.</translation>
    </message>
    <message>
        <source>Konflik (pencatatan ganda dari dua meja):</source>
        <translation>Conflicts (recorded twice by two desks):</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source> — dari paket kantor</source>
        <translation> — from the office package</translation>
    </message>
    <message>
        <source>Sidik jari kunci kantor ini:</source>
        <translation>This office&apos;s key fingerprint:</translation>
    </message>
    <message>
        <source>Sidik jari laptop ini untuk kegiatan ini:</source>
        <translation>This laptop&apos;s fingerprint for this event:</translation>
    </message>
    <message>
        <source>Paket Netralitas (*.netralitas);;Semua berkas (*)</source>
        <translation>Netralitas package (*.netralitas);;All files (*)</translation>
    </message>
    <message>
        <source>Simpan berkas</source>
        <translation>Save file</translation>
    </message>
    <message>
        <source>Pilih paket kegiatan dari kantor</source>
        <translation>Choose the event package from the office</translation>
    </message>
    <message>
        <source>Pilih berkas kehadiran dari laptop meja</source>
        <translation>Choose the attendance file from the desk laptop</translation>
    </message>
    <message>
        <source>Dibatalkan: sidik jari tidak dicocokkan; tidak ada yang berubah.</source>
        <translation>Cancelled: the fingerprint was not confirmed; nothing changed.</translation>
    </message>
    <message>
        <source>Paket kegiatan “{0}” tersimpan:</source>
        <translation>Event package “{0}” saved:</translation>
    </message>
    <message>
        <source>Pendaftaran: {0}</source>
        <translation>Registrations: {0}</translation>
    </message>
    <message>
        <source>Sudah hadir: {0}</source>
        <translation>Already present: {0}</translation>
    </message>
    <message>
        <source>Tanda tangan: {0}</source>
        <translation>Signatures: {0}</translation>
    </message>
    <message>
        <source>Salin berkas ini ke setiap laptop meja, lalu pilih “Impor paket dari kantor” di sana. Kunci QR tidak ikut dalam paket.</source>
        <translation>Copy this file to every desk laptop, then choose “Import a package from the office” there. The QR key is not included in the package.</translation>
    </message>
    <message>
        <source>Sidik jari kunci kantor: {0} (laptop menampilkannya untuk dicocokkan saat impor pertama).</source>
        <translation>Office key fingerprint: {0} (the laptop shows it for comparison at the first import).</translation>
    </message>
    <message>
        <source>Berkas kehadiran “{0}” tersimpan:</source>
        <translation>Attendance file “{0}” saved:</translation>
    </message>
    <message>
        <source>Kehadiran: {0}</source>
        <translation>Check-ins: {0}</translation>
    </message>
    <message>
        <source>Tanpa undangan: {0}</source>
        <translation>Walk-ins: {0}</translation>
    </message>
    <message>
        <source>Bawa berkas ini ke komputer kantor, lalu pilih “Gabungkan kehadiran dari laptop” di sana.</source>
        <translation>Take this file to the office computer, then choose “Merge attendance from a laptop” there.</translation>
    </message>
    <message>
        <source>Sidik jari laptop ini: {0} (kantor mencocokkannya saat menggabungkan).</source>
        <translation>This laptop&apos;s fingerprint: {0} (the office compares it when merging).</translation>
    </message>
    <message>
        <source>Selesai.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>dibuat</source>
        <translation>created</translation>
    </message>
    <message>
        <source>diperbarui</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>Kegiatan “{0}” {1} di komputer ini.</source>
        <translation>Event “{0}” {1} on this computer.</translation>
    </message>
    <message>
        <source>Peserta baru: {0}</source>
        <translation>New participants: {0}</translation>
    </message>
    <message>
        <source>Peserta diperbarui: {0}</source>
        <translation>Participants updated: {0}</translation>
    </message>
    <message>
        <source>Dihapus di kantor (dibatalkan di sini): {0}</source>
        <translation>Deleted at the office (cancelled here): {0}</translation>
    </message>
    <message>
        <source>Kehadiran dari kantor: {0}</source>
        <translation>Check-ins from the office: {0}</translation>
    </message>
    <message>
        <source>Tanda tangan rusak, tidak diimpor: {0}</source>
        <translation>Damaged signatures, not imported: {0}</translation>
    </message>
    <message>
        <source>Meja ini sekarang menerima kode QR undangan kegiatan ini.</source>
        <translation>This desk now accepts this event&apos;s invitation QR codes.</translation>
    </message>
    <message>
        <source>Kunci kantor: {0}</source>
        <translation>Office key: {0}</translation>
    </message>
    <message>
        <source>Sidik jari laptop ini: {0} — kantor mencocokkannya saat menggabungkan berkas kehadiran dari laptop ini.</source>
        <translation>This laptop&apos;s fingerprint: {0} — the office compares it when merging attendance files from this laptop.</translation>
    </message>
    <message>
        <source>Paket diimpor.</source>
        <translation>Package imported.</translation>
    </message>
    <message>
        <source>Kehadiran digabung.</source>
        <translation>Attendance merged.</translation>
    </message>
    <message>
        <source>di komputer kantor (menu Berkas → Meja offline, bagian “Di komputer kantor”)</source>
        <translation>on the office computer (File menu → Offline desk, section “On the office computer”)</translation>
    </message>
    <message>
        <source>kunci kantor yang menandatangani paket ini</source>
        <translation>of the office key that signed this package</translation>
    </message>
    <message>
        <source>di laptop meja yang membuat berkas ini (menu Berkas → Meja offline)</source>
        <translation>on the desk laptop that made this file (File menu → Offline desk)</translation>
    </message>
    <message>
        <source>kunci laptop meja yang menandatangani berkas ini</source>
        <translation>of the desk laptop key that signed this file</translation>
    </message>
    <message>
        <source>Cocokkan sidik jari</source>
        <translation>Compare fingerprints</translation>
    </message>
    <message>
        <source>Berkas ini datang dari komputer yang belum dikenal. Sidik jari {0}:

{1}

Bandingkan dengan sidik jari yang tampil {2}. Hanya bila sama persis, pilih “Sama”. Bila berbeda, berkas ini bukan dari komputer itu: pilih Batal.</source>
        <translation>This file comes from a computer not known yet. The fingerprint {0}:

{1}

Compare it with the fingerprint shown {2}. Only if it is exactly the same, choose “Same”. If it differs, this file is not from that computer: choose Cancel.</translation>
    </message>
    <message>
        <source>Sama</source>
        <translation>Same</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada yang berubah.</source>
        <translation>Cancelled; nothing changed.</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Ubah peserta</source>
        <translation>Edit participant</translation>
    </message>
    <message>
        <source>Tambah peserta</source>
        <translation>Add participant</translation>
    </message>
    <message>
        <source>Nama tanpa gelar, mis. Budi Santoso</source>
        <translation>Name without titles, e.g. Budi Santoso</translation>
    </message>
    <message>
        <source>mis. Drs. H.</source>
        <translation>e.g. Drs. H.</translation>
    </message>
    <message>
        <source>mis. M.Si.</source>
        <translation>e.g. M.Si.</translation>
    </message>
    <message>
        <source>Depan</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Belakang</source>
        <translation>After</translation>
    </message>
    <message>
        <source>18 digit, boleh dengan spasi</source>
        <translation>18 digits, spaces allowed</translation>
    </message>
    <message>
        <source>16 digit, untuk peserta non-ASN</source>
        <translation>16 digits, for non-ASN participants</translation>
    </message>
    <message>
        <source>Otomatis dari NIP/NIK</source>
        <translation>Automatic from NIP/NIK</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Otomatis dari NIP</source>
        <translation>Automatic from NIP</translation>
    </message>
    <message>
        <source>mis. III/b atau Penata Muda Tingkat I</source>
        <translation>e.g. III/b or Penata Muda Tingkat I</translation>
    </message>
    <message>
        <source>Nama *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Gelar</source>
        <translation>Titles</translation>
    </message>
    <message>
        <source>NIP / NI PPPK</source>
        <translation>NIP / NI PPPK</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Jenis pegawai</source>
        <translation>Employment type</translation>
    </message>
    <message>
        <source>Pangkat / golongan</source>
        <translation>Rank / grade</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Kehadiran</source>
        <translation>Attendance mode</translation>
    </message>
    <message>
        <source>Hapus peserta…</source>
        <translation>Delete participant…</translation>
    </message>
    <message>
        <source>Peserta tidak ditemukan</source>
        <translation>Participant not found</translation>
    </message>
    <message>
        <source>peserta ini</source>
        <translation>this participant</translation>
    </message>
    <message>
        <source>Hapus {0} dari kegiatan ini? Data kehadirannya ikut terhapus.</source>
        <translation>Remove {0} from this event? Their attendance data is deleted too.</translation>
    </message>
    <message>
        <source>Hapus peserta</source>
        <translation>Remove participant</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>ParticipantPicker</name>
    <message>
        <source>Pilih peserta</source>
        <translation>Choose participant</translation>
    </message>
    <message>
        <source>Cari peserta</source>
        <translation>Search participants</translation>
    </message>
    <message>
        <source>Pilih</source>
        <translation>Choose</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Hadir daring</source>
        <translation>Present online</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Gol.</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Unit Kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Kehadiran</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Undangan</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Luring</source>
        <translation>On-site</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>kartu PDF</source>
        <translation>PDF cards</translation>
    </message>
    <message>
        <source>gambar PNG (ZIP)</source>
        <translation>PNG images (ZIP)</translation>
    </message>
    <message>
        <source>gambar PNG</source>
        <translation>PNG images</translation>
    </message>
    <message>
        <source>ditandai manual</source>
        <translation>marked by hand</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Undangan belum dikirim</source>
        <translation>Invitation not sent yet</translation>
    </message>
    <message>
        <source>Undangan terkirim {0}, pukul {1} ({2})</source>
        <translation>Invitation sent {0} at {1} ({2})</translation>
    </message>
    <message>
        <source>{0} {1}, pukul {2}</source>
        <translation>{0} {1}, at {2}</translation>
    </message>
    <message>
        <source>Pendaftaran dibatalkan</source>
        <translation>Registration cancelled</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <source>Cari nama, NIP, atau unit kerja…</source>
        <translation>Search name, NIP or work unit…</translation>
    </message>
    <message>
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Tidak hadir…</source>
        <translation>Absent…</translation>
    </message>
    <message>
        <source>Catat izin, sakit atau dinas luar untuk peserta terpilih</source>
        <translation>Record excused, sick or official duty for the selected participants</translation>
    </message>
    <message>
        <source>Memuat peserta…</source>
        <translation>Loading participants…</translation>
    </message>
    <message>
        <source>Daftar peserta tidak dapat dimuat: {0}</source>
        <translation>The participant list could not be loaded: {0}</translation>
    </message>
    <message>
        <source>Impor…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Impor daftar peserta dari berkas CSV atau Excel</source>
        <translation>Import a participant list from a CSV or Excel file</translation>
    </message>
    <message>
        <source>Undangan…</source>
        <translation>Invitations…</translation>
    </message>
    <message>
        <source>Buat undangan ber-QR (kartu PDF atau gambar PNG) untuk semua, yang terpilih, atau yang belum dikirim</source>
        <translation>Make QR invitations (PDF cards or PNG images) for everyone, those selected, or those not sent yet</translation>
    </message>
    <message>
        <source>Menampilkan {0} dari {1} peserta</source>
        <translation>Showing {0} of {1} participants</translation>
    </message>
    <message>
        <source>Tidak hadir (izin, sakit, dinas luar)…</source>
        <translation>Absent (excused, sick, official duty)…</translation>
    </message>
    <message>
        <source>Buat undangan untuk {0} peserta terpilih…</source>
        <translation>Make invitations for {0} selected participants…</translation>
    </message>
    <message>
        <source>Tandai undangan sudah dikirim</source>
        <translation>Mark invitation as sent</translation>
    </message>
    <message>
        <source>Tandai undangan belum dikirim</source>
        <translation>Mark invitation as not sent</translation>
    </message>
    <message>
        <source>Hapus dari kegiatan</source>
        <translation>Remove from event</translation>
    </message>
    <message>
        <source>Kegiatan tidak ditemukan</source>
        <translation>Event not found</translation>
    </message>
    <message>
        <source>{0} undangan ditandai sudah dikirim.</source>
        <translation>{0} invitations marked sent.</translation>
    </message>
    <message>
        <source>Tanda terkirim dihapus dari {0} undangan.</source>
        <translation>Sent mark removed from {0} invitations.</translation>
    </message>
    <message>
        <source>Peserta tidak ditemukan</source>
        <translation>Participant not found</translation>
    </message>
    <message>
        <source>Hapus {0} dari kegiatan ini? Data kehadirannya ikut terhapus.</source>
        <translation>Remove {0} from this event? Their attendance data is deleted too.</translation>
    </message>
    <message>
        <source>Hapus {0} peserta terpilih dari kegiatan ini? Data kehadiran mereka ikut terhapus.</source>
        <translation>Remove the {0} selected participants from this event? Their attendance data is deleted too.</translation>
    </message>
    <message>
        <source>Hapus peserta</source>
        <translation>Remove participants</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Kata sandi</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Kata sandi paling sedikit {0} karakter.</source>
        <translation>The passphrase needs at least {0} characters.</translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Isi kata sandi.</source>
        <translation>Enter the passphrase.</translation>
    </message>
</context>
<context>
    <name>PdfPages</name>
    <message>
        <source>Berkas PDF rusak atau dikunci kata sandi.</source>
        <translation>The PDF file is damaged or locked with a password.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Pratinjau {0} sertifikat pertama</source>
        <translation>Preview of the first {0} certificates</translation>
    </message>
    <message>
        <source>Sertifikat {0}</source>
        <translation>Certificate {0}</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Pratinjau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP / NIK</source>
        <translation>NIP / NIK</translation>
    </message>
    <message>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Isi</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Kolom di berkas</source>
        <translation>Column in file</translation>
    </message>
    <message>
        <source>Pemetaan kolom</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Membaca {0} dan membandingkannya dengan data yang sudah ada.</source>
        <translation>Reading {0} and comparing it with the existing data.</translation>
    </message>
    <message>
        <source>Membaca berkas…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Pratinjau dibatalkan. Klik Kembali untuk memilih berkas lagi.</source>
        <translation>Preview cancelled. Click Back to choose a file again.</translation>
    </message>
    <message>
        <source>Klik Kembali untuk memilih berkas lain.</source>
        <translation>Click Back to choose another file.</translation>
    </message>
    <message>
        <source>Periksa hasil pembacaan {0}. Data baru disimpan setelah Anda mengeklik Impor.</source>
        <translation>Check what was read from {0}. Nothing is saved until you click Import.</translation>
    </message>
    <message>
        <source>Tidak ada baris yang dapat diimpor dari berkas ini.</source>
        <translation>There are no rows to import in this file.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; akan ditambah · &lt;b&gt;{1}&lt;/b&gt; diperbarui · &lt;b&gt;{2}&lt;/b&gt; tidak berubah · &lt;b&gt;{3}&lt;/b&gt; ditolak</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; to add · &lt;b&gt;{1}&lt;/b&gt; to update · &lt;b&gt;{2}&lt;/b&gt; unchanged · &lt;b&gt;{3}&lt;/b&gt; rejected</translation>
    </message>
    <message>
        <source>Baris ({0} pertama)</source>
        <translation>Rows (first {0})</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Tidak ada orang dalam berkas ini yang sudah terdaftar di kegiatan ini. Klik Kembali dan kosongkan pilihan “Hanya perbarui peserta yang sudah ada” untuk menambahkan mereka.</source>
        <translation>Nobody in this file is registered for this event yet. Click Back and clear “Only update participants already on this event&apos;s list” to add them.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; tidak ada di daftar kegiatan (tidak ditambahkan)</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; not on the event&apos;s list (not added)</translation>
    </message>
    <message>
        <source>Baris</source>
        <comment>tab title</comment>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Ditolak ({0})</source>
        <translation>Rejected ({0})</translation>
    </message>
    <message>
        <source>“{0}” (judul di baris {1})</source>
        <translation>“{0}” (header on row {1})</translation>
    </message>
    <message>
        <source>Lembar yang dibaca: {0}.</source>
        <translation>Sheets read: {0}.</translation>
    </message>
    <message>
        <source>Lembar tanpa kolom Nama, dilewati: {0}.</source>
        <translation>Sheets without a Name column, skipped: {0}.</translation>
    </message>
    <message>
        <source>, lembar &quot;{0}&quot;</source>
        <translation>, sheet &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>Judul kolom ditemukan di baris {0}{1}.</source>
        <translation>Column headings found in row {0}{1}.</translation>
    </message>
    <message>
        <source>Dibaca sebagai {0}.</source>
        <translation>Read as {0}.</translation>
    </message>
    <message>
        <source>{0} baris kosong</source>
        <translation>{0} empty rows</translation>
    </message>
    <message>
        <source>{0} baris bukan data peserta (judul, jumlah, tanda tangan)</source>
        <translation>{0} rows that are not participants (titles, totals, signatures)</translation>
    </message>
    <message>
        <source>Dilewati: {0}.</source>
        <translation>Skipped: {0}.</translation>
    </message>
    <message>
        <source> dan </source>
        <translation> and </translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <source>Printer tidak bisa dipakai; periksa apakah printer menyala dan terhubung.</source>
        <translation>The printer cannot be used; check that it is switched on and connected.</translation>
    </message>
    <message>
        <source>Halaman {0} dari {1}</source>
        <translation>Page {0} of {1}</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Hapus data pribadi peserta</source>
        <translation>Delete participants&apos; personal data</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Hapus data pribadi</source>
        <translation>Delete personal data</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Ingatkan kegiatan yang masih menyimpan data pribadi setelah</source>
        <translation>Remind about events still holding personal data after</translation>
    </message>
    <message>
        <source>Memeriksa cadangan mana yang berisi data kegiatan ini…</source>
        <translation>Checking which backups hold this event&apos;s data…</translation>
    </message>
    <message>
        <source>Cadangan berikut berisi data pribadi kegiatan ini dan ikut dihapus ({0}). Sesudahnya dibuat satu cadangan baru tanpa data pribadi kegiatan ini. Folder cetak sementara juga dibersihkan.</source>
        <translation>These backups hold this event&apos;s personal data and are deleted with it ({0}). Afterwards one new backup is made without this event&apos;s personal data. Temporary print folders are cleaned too.</translation>
    </message>
    <message>
        <source>Tidak ada cadangan yang berisi data kegiatan ini.</source>
        <translation>No backup holds this event&apos;s data.</translation>
    </message>
    <message>
        <source>Kegiatan “{0}” ({1}) tidak menyimpan data pribadi peserta lagi. Jumlah terdaftar dan hadir tetap tersedia untuk laporan.</source>
        <translation>The event “{0}” ({1}) no longer holds participants&apos; personal data. The registered and present counts remain available for reports.</translation>
    </message>
    <message>
        <source> Data pribadi kegiatan ini pernah dihapus pada {0}; jumlahnya akan ditambahkan.</source>
        <translation> Personal data of this event was already deleted on {0}; the counts will be added.</translation>
    </message>
    <message>
        <source>Dari kegiatan “{0}” ({1}) akan dihapus: {2} pendaftaran beserta kehadiran ({3}), tanda tangan ({4}), sertifikat ({5}), ikrar, keterangan tidak hadir dan kehadiran daring; {6} orang yang hanya terdaftar di kegiatan ini; alasan yang diketik di log audit kegiatan ini; baris laporan rapat daring ({9}) dan peserta tanpa undangan yang menunggu pemeriksaan ({10}). {7} orang tetap tersimpan karena terdaftar di kegiatan lain.

Yang tetap: kegiatannya dan jumlah terdaftar, hadir dan daring per OPD dan per jenis pegawai, untuk laporan. Penghapusan tidak dapat dibatalkan.{8}</source>
        <translation>From the event “{0}” ({1}) these will be deleted: {2} registrations with their attendance ({3}), signatures ({4}), certificates ({5}), pledges, absence notes and online attendance; {6} people registered for this event only; reasons typed into this event&apos;s audit log; rows of online meeting reports ({9}) and walk-in participants awaiting review ({10}). {7} people stay because they are registered for other events.

What stays: the event and the numbers registered, present and online per OPD and per employment type, for reports. The deletion cannot be undone.{8}</translation>
    </message>
    <message>
        <source>Untuk memastikan, ketik nama kegiatan: {0}</source>
        <translation>To confirm, type the event name: {0}</translation>
    </message>
    <message>
        <source>Menghapus data pribadi…</source>
        <translation>Deleting personal data…</translation>
    </message>
    <message>
        <source>Data pribadi dihapus. Tersimpan untuk laporan: {0} terdaftar, {1} hadir di ruangan, {2} daring.</source>
        <translation>Personal data deleted. Kept for reports: {0} registered, {1} present in the room, {2} online.</translation>
    </message>
    <message>
        <source>Berkas yang masih menyimpan data pribadi kegiatan ini dibersihkan.</source>
        <translation>The files still holding this event&apos;s personal data were cleaned.</translation>
    </message>
    <message>
        <source>Cadangan dihapus: {0}.</source>
        <translation>Backups deleted: {0}.</translation>
    </message>
    <message>
        <source>Cadangan baru: {0}.</source>
        <translation>New backup: {0}.</translation>
    </message>
    <message>
        <source>Pengingat: kegiatan yang lebih tua dari {0} hari.</source>
        <translation>Reminder: events older than {0} days.</translation>
    </message>
    <message>
        <source>Masa simpan data pribadi</source>
        <translation>Personal data retention</translation>
    </message>
</context>
<context>
    <name>RecentModel</name>
    <message>
        <source>Jam</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Cara</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>TTD</source>
        <translation>Sig.</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Memuat rekap kehadiran…</source>
        <translation>Loading the attendance summary…</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Rekap kehadiran</source>
        <translation>Attendance summary</translation>
    </message>
    <message>
        <source>Lampirkan rekap kehadiran (daftar hadir) sebagai Lampiran, nomor halaman bersambung</source>
        <translation>Attach the attendance record as an appendix (Lampiran), page numbers continuing</translation>
    </message>
    <message>
        <source>Ekspor Excel (XLSX)…</source>
        <translation>Export Excel (XLSX)…</translation>
    </message>
    <message>
        <source>Daftar hadir, rekap per OPD, rekap jenis pegawai dan daftar tidak hadir</source>
        <translation>Attendance list, summary by OPD, summary by employment type and the list of absentees</translation>
    </message>
    <message>
        <source>Ekspor CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Daftar hadir saja, untuk aplikasi lain (UTF-8, pemisah titik koma)</source>
        <translation>Attendance list only, for other applications (UTF-8, semicolon-separated)</translation>
    </message>
    <message>
        <source>Buat laporan PDF…</source>
        <translation>Make PDF report…</translation>
    </message>
    <message>
        <source>Laporan pelaksanaan untuk Sekda: data kegiatan, kehadiran, grafik per OPD, status ikrar, penanda tangan</source>
        <translation>Implementation report for the Sekda (regional secretary): event data, attendance, chart by OPD, pledge status, signatories</translation>
    </message>
    <message>
        <source>Buka berkas</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Kertas:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>Berkas laporan</source>
        <translation>Report files</translation>
    </message>
    <message>
        <source>Rekap tidak dapat dimuat: {0}</source>
        <translation>The summary could not be loaded: {0}</translation>
    </message>
    <message>
        <source>Hadir {0} dari {1} peserta ({2}): {3} di ruangan, {4} daring. Tidak hadir {5}: izin {6}, sakit {7}, dinas luar {8}, tanpa keterangan {9}.</source>
        <translation>Present {0} of {1} participants ({2}): {3} in the room, {4} online. Absent {5}: excused {6}, sick {7}, official duty {8}, no reason {9}.</translation>
    </message>
    <message>
        <source>{0} pendaftaran dibatalkan tidak dihitung.</source>
        <translation>{0} cancelled registrations are not counted.</translation>
    </message>
    <message>
        <source>Simpan sebagai</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Mengekspor ke Excel…</source>
        <translation>Exporting to Excel…</translation>
    </message>
    <message>
        <source>Mengekspor ke CSV…</source>
        <translation>Exporting to CSV…</translation>
    </message>
    <message>
        <source>Membuat laporan…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>, {0} halaman</source>
        <translation>, {0} pages</translation>
    </message>
    <message>
        <source>Tersimpan di {0} ({1} pendaftaran{2}).</source>
        <translation>Saved to {0} ({1} registrations{2}).</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada berkas yang ditulis.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>ResultBanner</name>
    <message>
        <source>pukul {0}</source>
        <translation>at {0}</translation>
    </message>
    <message>
        <source>tanpa undangan</source>
        <translation>without invitation</translation>
    </message>
    <message>
        <source>HADIR</source>
        <translation>CHECKED IN</translation>
    </message>
    <message>
        <source> di {0}</source>
        <translation> at {0}</translation>
    </message>
    <message>
        <source>Sudah tercatat hadir pukul {0}{1}{2}</source>
        <translation>Already checked in at {0}{1}{2}</translation>
    </message>
    <message>
        <source>SUDAH HADIR</source>
        <translation>ALREADY CHECKED IN</translation>
    </message>
    <message>
        <source>DITOLAK</source>
        <translation>REFUSED</translation>
    </message>
    <message>
        <source>SIAP</source>
        <translation>READY</translation>
    </message>
    <message>
        <source>Pindai QR undangan atau ketik NIP/NIK, lalu tekan Enter.</source>
        <translation>Scan the invitation QR or type the NIP/NIK, then press Enter.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Cabut sertifikat</source>
        <translation>Revoke certificate</translation>
    </message>
    <message>
        <source>nomor sertifikat, atau pindai kode QR-nya</source>
        <translation>certificate number, or scan its QR code</translation>
    </message>
    <message>
        <source>mis. nama salah ketik, diganti sertifikat baru</source>
        <translation>e.g. misspelt name, replaced by a new certificate</translation>
    </message>
    <message>
        <source>Sertifikat yang dicabut tetap bernomor, tetapi saat diperiksa keasliannya akan tertulis DICABUT. Pencabutan tidak bisa dibatalkan dan dicatat di log.</source>
        <translation>A revoked certificate keeps its number, but an authenticity check will show REVOKED. Revoking cannot be undone and is recorded in the log.</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Cabut…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Isi nomor sertifikat yang akan dicabut.</source>
        <translation>Enter the number of the certificate to revoke.</translation>
    </message>
    <message>
        <source>Tulis alasan pencabutan; alasan ikut tampil saat sertifikat diperiksa.</source>
        <translation>Write the reason for revoking; it is shown when the certificate is checked.</translation>
    </message>
    <message>
        <source>Cabut sertifikat nomor {0}? Tindakan ini tidak bisa dibatalkan.</source>
        <translation>Revoke certificate number {0}? This cannot be undone.</translation>
    </message>
    <message>
        <source>Cabut</source>
        <translation>Revoke</translation>
    </message>
</context>
<context>
    <name>ScannerSettingsBox</name>
    <message>
        <source>QR undangan (NTR1…)</source>
        <translation>Invitation QR (NTR1…)</translation>
    </message>
    <message>
        <source>QR formulir ikrar mandiri (NTM1…)</source>
        <translation>Ikrar mandiri form QR (NTM1…)</translation>
    </message>
    <message>
        <source>NIP / NI PPPK (18 angka)</source>
        <translation>NIP / NI PPPK (18 digits)</translation>
    </message>
    <message>
        <source>NIK (16 angka)</source>
        <translation>NIK (16 digits)</translation>
    </message>
    <message>
        <source>Pemindai dan meja registrasi</source>
        <translation>Scanner and check-in desk</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Tombol yang datang lebih rapat dari ini dianggap pemindai, bukan orang mengetik. Pemindai USB: 1–15 ms per tombol.</source>
        <translation>Keys closer together than this come from a scanner, not a person typing. USB scanners: 1–15 ms per key.</translation>
    </message>
    <message>
        <source> detik</source>
        <translation> seconds</translation>
    </message>
    <message>
        <source>Jeda antartombol pemindai paling lama:</source>
        <translation>Longest gap between a scanner&apos;s keys:</translation>
    </message>
    <message>
        <source>Dikenali sebagai pindaian:</source>
        <translation>Recognised as scans:</translation>
    </message>
    <message>
        <source>Spanduk kembali ke SIAP setelah:</source>
        <translation>Banner returns to READY after:</translation>
    </message>
    <message>
        <source>Kode sama terbaca lagi dalam (pindai ganda):</source>
        <translation>Same code read again within (double scan):</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>F4/Folio (215 × 330 mm)</source>
        <translation>F4/Folio (215 × 330 mm)</translation>
    </message>
    <message>
        <source>Bunyikan nada di meja registrasi</source>
        <translation>Play tones at the registration desk</translation>
    </message>
    <message>
        <source>Bahasa baru berlaku setelah aplikasi dibuka ulang.</source>
        <translation>The new language applies after the app is restarted.</translation>
    </message>
    <message>
        <source>Nama meja:</source>
        <translation>Desk name:</translation>
    </message>
    <message>
        <source>Petugas:</source>
        <translation>Operator:</translation>
    </message>
    <message>
        <source>Kertas bawaan:</source>
        <translation>Default paper:</translation>
    </message>
    <message>
        <source>Bahasa:</source>
        <translation>Language:</translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <source>Dihitung</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Kegiatan yang dihitung dalam kampanye</source>
        <translation>Events counted in the campaign</translation>
    </message>
    <message>
        <source>Centang kegiatan yang ikrarnya dihitung. Orang yang sama di beberapa kegiatan dihitung sekali (dikenali dari NIP, NI PPPK atau NIK).</source>
        <translation>Tick the events whose pledges count. The same person at several events counts once (known by NIP, NI PPPK or NIK).</translation>
    </message>
    <message>
        <source>Impor ekspor SIASN / daftar non-ASN…</source>
        <translation>Import SIASN export / non-ASN list…</translation>
    </message>
    <message>
        <source>Daftar induk pegawai instansi</source>
        <translation>Master roster of the agency</translation>
    </message>
    <message>
        <source>Daftar induk adalah seluruh pegawai (target kampanye), terpisah dari daftar undangan kegiatan. Impor ulang ekspor lengkap untuk mencatat pegawai yang pindah OPD atau keluar.</source>
        <translation>The master roster is all staff (the campaign&apos;s target), apart from the events&apos; invitation lists. Import the full export again to record who moved OPD or left.</translation>
    </message>
    <message>
        <source>Kampanye</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Formulir ikrar mandiri kampanye diterima di kegiatan “{0}”.</source>
        <translation>The campaign&apos;s ikrar mandiri forms are received at the event “{0}”.</translation>
    </message>
    <message>
        <source>Kegiatan ikrar mandiri kampanye dibuat saat formulir pertama dibuat.</source>
        <translation>The campaign&apos;s ikrar mandiri event is made with the first forms.</translation>
    </message>
    <message>
        <source>Daftar induk belum diimpor.</source>
        <translation>The master roster has not been imported yet.</translation>
    </message>
    <message>
        <source>{0} pegawai aktif di {1} OPD ({2}); {3} sudah keluar.</source>
        <translation>{0} active staff in {1} OPDs ({2}); {3} have left.</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Tanda Tangan Peserta</source>
        <translation>Participant Signature</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Hapus coretan dan ulangi tanda tangan</source>
        <translation>Clear the strokes and sign again</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tanda tangan atas nama:</source>
        <translation>Signature of:</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Kotak tanda tangan</source>
        <translation>Signature pad</translation>
    </message>
    <message>
        <source>Tanda tangan di atas garis</source>
        <translation>Sign above the line</translation>
    </message>
</context>
<context>
    <name>SignaturePanel</name>
    <message>
        <source>Tanda tangan peserta</source>
        <translation>Participant signature</translation>
    </message>
    <message>
        <source>Tanda tangan dilakukan di layar tanda tangan.</source>
        <translation>Signing happens on the signature screen.</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Nanti</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Peserta ini menandatangani nanti; ia tetap di daftar belum tanda tangan</source>
        <translation>This participant signs later; they stay in the not-yet-signed list</translation>
    </message>
    <message>
        <source>Simpan tanda tangan</source>
        <translation>Save signature</translation>
    </message>
    <message>
        <source>Tanda tangan belum tersimpan</source>
        <translation>Signature not saved</translation>
    </message>
    <message>
        <source>Tidak ada yang sedang menandatangani.</source>
        <translation>Nobody is signing.</translation>
    </message>
    <message>
        <source>{0} — tanda tangan yang tersimpan akan diganti</source>
        <translation>{0} — the stored signature will be replaced</translation>
    </message>
    <message>
        <source>Belum tanda tangan ({0})</source>
        <translation>Not signed yet ({0})</translation>
    </message>
</context>
<context>
    <name>SignatureWindow</name>
    <message>
        <source>Tanda tangan peserta — {0}</source>
        <translation>Participant signature — {0}</translation>
    </message>
    <message>
        <source>Silakan tanda tangan di kotak di bawah, lalu tekan Simpan.</source>
        <translation>Please sign in the box below, then press Save.</translation>
    </message>
    <message>
        <source>Tutup layar tanda tangan</source>
        <translation>Close the signature screen</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Impor selesai</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; peserta ditambahkan</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; participants added</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; data pegawai diperbarui</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; employee records updated</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; tidak berubah</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; unchanged</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; baris ditolak (lihat pratinjau; perbaiki berkasnya lalu impor lagi)</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; rows rejected (see the preview; fix the file and import again)</translation>
    </message>
    <message>
        <source>tidak ada baris yang ditolak</source>
        <translation>no rows rejected</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; orang di berkas tidak ada di daftar kegiatan dan tidak ditambahkan</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; people in the file are not on the event&apos;s list and were not added</translation>
    </message>
    <message>
        <source>Hasil impor dari {0}:</source>
        <translation>Import result from {0}:</translation>
    </message>
</context>
<context>
    <name>Umum</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>ASLI</source>
        <translation>AUTHENTIC</translation>
    </message>
    <message>
        <source>TIDAK SAH</source>
        <translation>NOT VALID</translation>
    </message>
    <message>
        <source>DICABUT</source>
        <translation>REVOKED</translation>
    </message>
    <message>
        <source>TIDAK TERCATAT</source>
        <translation>NOT RECORDED</translation>
    </message>
    <message>
        <source>Periksa keaslian sertifikat</source>
        <translation>Check certificate authenticity</translation>
    </message>
    <message>
        <source>Pindai kode QR sertifikat dengan pemindai, atau pilih berkas PDF/foto sertifikat.</source>
        <translation>Scan the certificate&apos;s QR code with the scanner, or choose a PDF/photo of the certificate.</translation>
    </message>
    <message>
        <source>Arahkan pemindai ke kode QR, atau tempel teksnya lalu tekan Enter</source>
        <translation>Point the scanner at the QR code, or paste its text and press Enter</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Kunci publik: yang dikenal basis data ini</source>
        <translation>Public key: those this database knows</translation>
    </message>
    <message>
        <source>Pilih daftar.json dari situs verifikasi instansi, atau kunci publik .pem</source>
        <translation>Choose daftar.json from the agency&apos;s verification site, or a .pem public key</translation>
    </message>
    <message>
        <source>Kunci atau daftar sertifikat (*.json *.js *.pem);;Semua berkas (*)</source>
        <translation>Key or certificate list (*.json *.js *.pem);;All files (*)</translation>
    </message>
    <message>
        <source>Percayai kunci instansi</source>
        <translation>Trust the agency&apos;s key</translation>
    </message>
    <message>
        <source>Kunci {0}:
{1}

Cocokkan sidik ini dengan yang diumumkan instansi penerbit (di situs verifikasinya). Percayai kunci ini di basis data ini?</source>
        <translation>Key of {0}:
{1}

Compare this fingerprint with the one the issuing agency publishes (on its verification site). Trust this key in this database?</translation>
    </message>
    <message>
        <source>tanpa nama</source>
        <translation>no name</translation>
    </message>
    <message>
        <source>Percayai</source>
        <translation>Trust</translation>
    </message>
    <message>
        <source>{0} JP · {1}</source>
        <translation>{0} JP · {1}</translation>
    </message>
    <message>
        <source>Kunci publik instansi lain…</source>
        <translation>Another agency&apos;s public key…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pilih sertifikat</source>
        <translation>Choose certificate</translation>
    </message>
    <message>
        <source>Sertifikat (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Certificate (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Kunci publik: {0} (sidik {1})</source>
        <translation>Public key: {0} (fingerprint {1})</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Halaman {0}: {1} — {2} {3}</source>
        <translation>Page {0}: {1} — {2} {3}</translation>
    </message>
    <message>
        <source>{0} halaman: {1}</source>
        <translation>{0} pages: {1}</translation>
    </message>
    <message>
        <source>Data pada kode (tidak terbukti asli):</source>
        <translation>Data in the code (not proven authentic):</translation>
    </message>
    <message>
        <source>Nomor sertifikat: {0}</source>
        <translation>Certificate number: {0}</translation>
    </message>
    <message>
        <source>Tanggal kegiatan: {0}</source>
        <translation>Event date: {0}</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Peserta tanpa undangan</source>
        <translation>Walk-in participant</translation>
    </message>
    <message>
        <source>NIP / NI PPPK 18 digit atau NIK 16 digit</source>
        <translation>NIP / NI PPPK 18 digits or NIK 16 digits</translation>
    </message>
    <message>
        <source>Nama lengkap dengan gelar, mis. Drs. Budi Santoso, M.Si.</source>
        <translation>Full name with titles, e.g. Drs. Budi Santoso, M.Si.</translation>
    </message>
    <message>
        <source>Unit kerja / OPD / instansi</source>
        <translation>Work unit / OPD / agency</translation>
    </message>
    <message>
        <source>Otomatis dari NIP (tanpa NIP: non-ASN)</source>
        <translation>Automatic from the NIP (no NIP: non-ASN)</translation>
    </message>
    <message>
        <source>NIP / NIK</source>
        <translation>NIP / NIK</translation>
    </message>
    <message>
        <source>Nama *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Jenis pegawai</source>
        <translation>Employment type</translation>
    </message>
    <message>
        <source>Daftarkan &amp;&amp; catat hadir</source>
        <translation>Register &amp;&amp; check in</translation>
    </message>
    <message>
        <source>Kode yang dipindai selama formulir ini terbuka tetap dicatat di meja.</source>
        <translation>Codes scanned while this form is open are still recorded at the desk.</translation>
    </message>
    <message>
        <source>Kegiatan tidak ditemukan</source>
        <translation>Event not found</translation>
    </message>
</context>
<context>
    <name>WalkInReview</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP/NIK</source>
        <translation>NIP/NIK</translation>
    </message>
    <message>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Setujui terpilih</source>
        <translation>Approve selected</translation>
    </message>
    <message>
        <source>Setujui semua</source>
        <translation>Approve all</translation>
    </message>
    <message>
        <source>Tolak terpilih…</source>
        <translation>Reject selected…</translation>
    </message>
    <message>
        <source>Peserta tanpa undangan dari laptop meja menunggu pemeriksaan ({0}). Mereka baru terhitung hadir setelah disetujui; yang ditolak tidak disimpan.</source>
        <translation>Walk-in participants from desk laptops awaiting review ({0}). They count as present only once approved; rejected ones are not kept.</translation>
    </message>
    <message>
        <source>Tolak peserta tanpa undangan</source>
        <translation>Reject walk-in participants</translation>
    </message>
    <message>
        <source>Tolak {0} peserta tanpa undangan? Data yang dikirim laptop tentang mereka tidak disimpan.</source>
        <translation>Reject {0} walk-in participants? What the laptop sent about them is not kept.</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Peserta tanpa undangan disetujui.</source>
        <translation>Walk-in participants approved.</translation>
    </message>
    <message>
        <source>{0} peserta tanpa undangan ditolak; datanya tidak disimpan.</source>
        <translation>{0} walk-in participants rejected; their data is not kept.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Selamat datang di Netralitas Desktop</source>
        <translation>Welcome to Netralitas Desktop</translation>
    </message>
    <message>
        <source>Registrasi peserta, ikrar, sertifikat dan laporan Sosialisasi Netralitas ASN. Belum ada kegiatan di basis data ini; pilih cara memulai:</source>
        <translation>Participant registration, pledges, certificates and reports for the Sosialisasi Netralitas ASN. This database has no events yet; choose how to begin:</translation>
    </message>
    <message>
        <source>Buat kegiatan</source>
        <translation>Create an event</translation>
    </message>
    <message>
        <source>Isi nama kegiatan, tanggal, tempat dan penanda tangan, lalu tambahkan peserta.</source>
        <translation>Enter the event&apos;s name, date, venue and signatories, then add participants.</translation>
    </message>
    <message>
        <source>Impor daftar peserta</source>
        <translation>Import a participant list</translation>
    </message>
    <message>
        <source>Buat kegiatan, lalu langsung impor daftar undangan atau ekspor SIASN (berkas CSV atau Excel).</source>
        <translation>Create an event, then import an invitation list or a SIASN export straight away (CSV or Excel file).</translation>
    </message>
    <message>
        <source>Coba dengan data contoh</source>
        <translation>Try with example data</translation>
    </message>
    <message>
        <source>Kegiatan contoh berisi 300 peserta fiktif untuk mencoba meja registrasi, dokumen dan sertifikat. Judulnya diawali [CONTOH]; hapus kapan saja.</source>
        <translation>An example event with 300 fictitious participants to try the registration desk, documents and certificates. Its title starts with [CONTOH]; delete it whenever you like.</translation>
    </message>
    <message>
        <source>Meja tambahan? Sambungkan ke server bersama…</source>
        <translation>An extra desk? Connect to the shared server…</translation>
    </message>
    <message>
        <source>Membuat kegiatan contoh…</source>
        <translation>Creating the example event…</translation>
    </message>
</context>
<context>
    <name>_ImageRow</name>
    <message>
        <source>Pilih gambar…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Gambar PNG atau JPEG (*.png *.jpg *.jpeg)</source>
        <translation>PNG or JPEG image (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>(belum ada)</source>
        <translation>(none yet)</translation>
    </message>
</context>
<context>
    <name>_SignatoryBox</name>
    <message>
        <source>Penanda tangan {0}</source>
        <translation>Signatory {0}</translation>
    </message>
    <message>
        <source>mis. Kepala BKPSDM Kabupaten Sukamakmur</source>
        <translation>e.g. Kepala BKPSDM Kabupaten Sukamakmur</translation>
    </message>
    <message>
        <source>dengan gelar, seperti dicetak</source>
        <translation>with titles, as printed</translation>
    </message>
    <message>
        <source>mis. Pembina Utama Muda, IV/c</source>
        <translation>e.g. Pembina Utama Muda, IV/c</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Pangkat</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
</context>
</TS>
